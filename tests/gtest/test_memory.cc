// The sparse memory behind .vec files.
#include <gtest/gtest.h>

#include "pagewalk_shim.h"

namespace {

struct Memory {
    pw_sparse_mem *m = pw_smem_new();
    ~Memory() { pw_smem_free(m); }
};

TEST(SparseMemory, UnwrittenWordsReadZero)
{
    Memory mem;
    uint32_t v = 123;
    EXPECT_TRUE(pw_smem_get(mem.m, 0x80000000, &v));
    EXPECT_EQ(v, 0u);
}

TEST(SparseMemory, WordsAreDistinctAcrossTheWholeRange)
{
    Memory mem;
    ASSERT_TRUE(pw_smem_set(mem.m, 0x0, 1));
    ASSERT_TRUE(pw_smem_set(mem.m, 0x4, 2));
    ASSERT_TRUE(pw_smem_set(mem.m, 0x3fffffffcull, 3));
    ASSERT_TRUE(pw_smem_set(mem.m, 0x1fffffffcull, 4));
    uint32_t v;
    EXPECT_TRUE(pw_smem_get(mem.m, 0x0, &v));
    EXPECT_EQ(v, 1u);
    EXPECT_TRUE(pw_smem_get(mem.m, 0x4, &v));
    EXPECT_EQ(v, 2u);
    EXPECT_TRUE(pw_smem_get(mem.m, 0x3fffffffcull, &v));
    EXPECT_EQ(v, 3u);
    EXPECT_TRUE(pw_smem_get(mem.m, 0x1fffffffcull, &v));
    EXPECT_EQ(v, 4u);
}

TEST(SparseMemory, GrowsPastItsFirstTable)
{
    Memory mem;
    for (uint32_t i = 0; i < 100000; i++)
        ASSERT_TRUE(pw_smem_set(mem.m, 0x80000000ull + 4ull * i * 7, i ^ 0x5a5a5a5a));
    EXPECT_EQ(pw_smem_count(mem.m), 100000u);
    for (uint32_t i = 0; i < 100000; i++) {
        uint32_t v;
        ASSERT_TRUE(pw_smem_get(mem.m, 0x80000000ull + 4ull * i * 7, &v));
        ASSERT_EQ(v, i ^ 0x5a5a5a5a);
    }
}

TEST(SparseMemory, BusErrorsFailReadsAndWritesUntilReset)
{
    Memory mem;
    pw_smem_set(mem.m, 0x1000, 7);
    pw_smem_set_error(mem.m, 0x1000);
    pw_mem port = pw_smem_port(mem.m);
    uint32_t v;
    EXPECT_FALSE(port.read(port.ctx, 0x1000, &v));
    EXPECT_FALSE(port.write(port.ctx, 0x1000, 1));
    EXPECT_TRUE(port.write(port.ctx, 0x1004, 1));
    pw_smem_reset(mem.m);
    EXPECT_TRUE(port.read(port.ctx, 0x1000, &v));
    EXPECT_EQ(v, 0u);
    EXPECT_EQ(pw_smem_count(mem.m), 0u);
}

}  // namespace
