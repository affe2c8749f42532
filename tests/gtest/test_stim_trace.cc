// Stimulus files (cmodel/stim.c) and the trace writer (cmodel/trace.c).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "pagewalk_shim.h"

namespace {

std::string temp_file(const std::string &name, const std::string &text)
{
    std::string path = testing::TempDir() + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Load text as a stimulus; returns the error output ("" when it loaded).
std::string load_error(const std::string &text, pw_stim *s)
{
    std::string path = temp_file("s.stim", text);
    char *buf = nullptr;
    size_t len = 0;
    FILE *err = open_memstream(&buf, &len);
    int status = pw_stim_load(path.c_str(), s, err);
    fclose(err);
    std::string msg(buf, len);
    free(buf);
    if (status == 0 && !msg.empty())
        ADD_FAILURE() << "loaded, yet wrote: " << msg;
    return status ? (msg.empty() ? std::string("(no message)") : msg) : "";
}

const char kGood[] =
    "pagewalk-stimulus 1\n"
    "# a comment\n"
    "ad svadu\n"
    "cycles 50\n"
    "m 80000004 20000401\n"
    "e f0000000\n"
    "w 80001008\n"
    "plan 2 3\n"
    "@0 reset\n"
    "@2 ctx 81480000 1 0\n"
    "@2 req 00402abc w S\n"
    "@5 sfence 00402000 005 0 1\n";

TEST(Stim, LoadsEveryKindOfLine)
{
    pw_stim s;
    ASSERT_EQ(load_error(kGood, &s), "");
    EXPECT_EQ(s.ad, PW_AD_SVADU);
    EXPECT_EQ(s.cycles, 50u);
    uint32_t v;
    EXPECT_TRUE(pw_smem_get(s.mem, 0x80000004, &v));
    EXPECT_EQ(v, 0x20000401u);
    EXPECT_FALSE(pw_smem_get(s.mem, 0xf0000000, &v));
    EXPECT_TRUE(pw_stim_write_error(&s, 0x80001008));
    EXPECT_FALSE(pw_stim_write_error(&s, 0x80001004));
    ASSERT_EQ(s.nplan, 1u);
    EXPECT_EQ(s.plan[0].ready, 2u);
    EXPECT_EQ(s.plan[0].latency, 3u);
    ASSERT_EQ(s.nrequests, 1u);
    EXPECT_EQ(s.requests[0].access, unsigned(PW_MMU_ACCESS_STORE));
    EXPECT_EQ(s.nevents, 3u);
    pw_stim_free(&s);
}

struct BadStim {
    const char *text;
    const char *message;  // with its file:line
};

class StimRejects : public testing::TestWithParam<BadStim> {};

TEST_P(StimRejects, WithFileLineAndWhat)
{
    pw_stim s;
    std::string err = load_error(GetParam().text, &s);
    EXPECT_NE(err.find(GetParam().message), std::string::npos) << "error was: " << err;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, StimRejects,
    testing::Values(BadStim{"", "s.stim:1: error: empty file"},
                    BadStim{"pagewalk-trace 1\n", "s.stim:1: error: not a stimulus file"},
                    BadStim{"pagewalk-stimulus 2\ncycles 1\n", "s.stim:1: error: not a stimulus file"},
                    BadStim{"pagewalk-stimulus 1\nad svade\n", "s.stim: error: no 'cycles N' line"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n", "s.stim: error: no 'ad svade|svadu' line"},
                    BadStim{"pagewalk-stimulus 1\nad svade\nad svadu\n", "s.stim:3: error: a second 'ad' line"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\nbogus 1\n", "s.stim:3: error: unknown or malformed line"},
                    BadStim{"pagewalk-stimulus 1\ncycles x\n", "s.stim:2: error: cycles takes a decimal"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\nm 80000002 1\n", "s.stim:3: error: m takes a word-aligned"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\nm 0 1 # why\n", "s.stim:3: error: comments must be on a line"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\nplan 1 0\n", "s.stim:3: error: plan takes READY"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@1 reset\n", "s.stim:3: error: the first @ line must be '@0 reset'"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\nm 0 1\n", "s.stim:4: error: header lines"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@3 reset\n@2 reset\n", "s.stim:5: error: @ lines must be in cycle order"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@1 req 1000 q S\n", "s.stim:4: error: req ACC"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@1 req 1000 r H\n", "s.stim:4: error: req PRIV"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@1 sfence 0 200 0 1\n", "s.stim:4: error: sfence takes"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@1 sfence 0 0 0 1\n@1 sfence 0 0 1 1\n", "s.stim:5: error: two sfences in one cycle"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@1 ctx 0 2 0\n", "s.stim:4: error: ctx takes"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@x reset\n", "s.stim:4: error: @CYCLE needs a decimal"},
                    BadStim{"pagewalk-stimulus 1\ncycles 9\n@0 reset\n@1 fly\n", "s.stim:4: error: unknown or malformed @ line"}));

TEST(Stim, MissingFileIsNamed)
{
    pw_stim s;
    char *buf = nullptr;
    size_t len = 0;
    FILE *err = open_memstream(&buf, &len);
    EXPECT_EQ(pw_stim_load("/nonexistent/x.stim", &s, err), 2);
    fclose(err);
    EXPECT_NE(std::string(buf, len).find("/nonexistent/x.stim: error: cannot open"), std::string::npos);
    free(buf);
}

// The memory plan: READY cycles of waiting, a handshake, LATENCY to the answer.
TEST(StimDriver, FollowsThePlanAndTheQueue)
{
    pw_stim s;
    ASSERT_EQ(load_error("pagewalk-stimulus 1\nad svade\ncycles 20\nm 100 abc\nplan 2 3\n"
                         "@0 reset\n@0 req 00001000 r U\n@0 req 00002000 x S\n", &s), "");
    pw_stim_driver d;
    pw_stim_driver_init(&d, &s);
    pw_mmu_outputs out{};
    pw_mmu_inputs in;
    // The head request is presented until accepted, then the next one.
    out.req_ready = false;
    pw_stim_inputs(&d, 0, &out, &in);
    EXPECT_TRUE(in.req_valid);
    EXPECT_EQ(in.req_vaddr, 0x1000u);
    out.req_ready = true;
    pw_stim_inputs(&d, 1, &out, &in);
    EXPECT_EQ(in.req_vaddr, 0x1000u);  // accepted in this cycle
    pw_stim_inputs(&d, 2, &out, &in);
    EXPECT_EQ(in.req_vaddr, 0x2000u);
    EXPECT_EQ(in.req_access, unsigned(PW_MMU_ACCESS_FETCH));
    // A memory read held from cycle 3: ready low for 2 cycles, handshake in 5,
    // the answer 3 cycles later, in 8.
    out = pw_mmu_outputs{};
    out.mem_req_valid = true;
    out.mem_req_addr = 0x100;
    for (uint64_t c = 3; c < 5; c++) {
        pw_stim_inputs(&d, c, &out, &in);
        EXPECT_FALSE(in.mem_req_ready) << "cycle " << c;
    }
    pw_stim_inputs(&d, 5, &out, &in);
    EXPECT_TRUE(in.mem_req_ready);
    out.mem_req_valid = false;
    for (uint64_t c = 6; c < 8; c++) {
        pw_stim_inputs(&d, c, &out, &in);
        EXPECT_FALSE(in.mem_resp_valid) << "cycle " << c;
    }
    pw_stim_inputs(&d, 8, &out, &in);
    EXPECT_TRUE(in.mem_resp_valid);
    EXPECT_EQ(in.mem_resp_rdata, 0xabcu);
    EXPECT_FALSE(in.mem_resp_err);
    pw_stim_free(&s);
}

TEST(TraceWriter, WritesTheDocumentedEventsInOrder)
{
    char *buf = nullptr;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    pw_trace_writer t;
    pw_trace_begin(&t, f, "test", "svadu (8 entries)", "x.stim");
    pw_mmu_inputs in{};
    pw_mmu_outputs out{};
    in.rst_n = true;
    in.satp = 0x81480000;
    in.sfence_valid = true;
    in.sfence_vaddr = 0x00402000;
    in.sfence_asid = 5;
    in.sfence_all_asid = true;
    in.req_valid = true;
    in.req_vaddr = 0x00402abc;
    in.req_access = PW_MMU_ACCESS_STORE;
    in.req_priv = PW_PRIV_S_VALUE;
    in.mem_req_ready = true;
    in.mem_resp_valid = true;
    in.mem_resp_err = true;
    out.req_ready = true;
    out.resp_valid = true;
    out.resp_paddr = 0x90000abc;
    out.mem_req_valid = true;
    out.mem_req_we = true;
    out.mem_req_addr = 0x80001008;
    out.mem_req_wdata = 0x240000c7;
    out.trace_fill = true;
    out.trace_fill_evict = true;
    out.trace_fill_index = 3;
    out.trace_fill_vpn = 0x00402;
    out.trace_fill_asid = 5;
    out.trace_fill_ppn = 0x90000;
    out.trace_fill_perm = 0x13;  // D, W, R
    pw_trace_cycle(&t, 7, &in, &out);
    fclose(f);
    EXPECT_EQ(std::string(buf, len),
              "pagewalk-trace 1\n"
              "# engine test, build svadu (8 entries), stimulus x.stim\n"
              "7 ctx satp=81480000 sum=0 mxr=0\n"
              "7 sfence va=00402000 asid=005 all_va=0 all_asid=1\n"
              "7 req va=00402abc acc=w priv=S\n"
              "7 resp pa=090000abc\n"
              "7 mem wr addr=080001008 data=240000c7\n"
              "7 memresp err\n"
              "7 evict idx=3\n"
              "7 fill idx=3 vpn=00402 asid=005 mega=0 g=0 ppn=090000 perm=RW--D\n");
    free(buf);
}

}  // namespace
