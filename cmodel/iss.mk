# cmodel/iss.mk: the instruction-set simulator (library, pagewalk-iss) and its
# tests. Included by the top-level Makefile.
#
#   build/libpagewalk-iss.a   the ISS library (cmodel/iss.h, cmodel/elf.h);
#                             link it before build/libpagewalk.a
#   build/pagewalk-iss        the command (docs/iss.md)
#   build/tests/iss-tests     GoogleTest cases for the ISS's rules

## iss: build/pagewalk-iss, the instruction-set simulator (docs/iss.md)
## test-iss: the ISS: its GoogleTest cases, the ISA suite on QEMU and the ISS,
##  random programs compared between QEMU and the ISS
## test-iss-unit: only the ISS's GoogleTest cases
## bench-iss: ISS instructions per second with Sv32 on

ISS_SRCS := cmodel/elf.c cmodel/iss.c cmodel/iss_exec.c cmodel/iss_csr.c cmodel/iss_mem.c cmodel/iss_text.c
ISS_OBJS := $(ISS_SRCS:%.c=$(BUILD)/%.o)
ISS_LIB  := $(BUILD)/libpagewalk-iss.a
ISS_CMD  := $(BUILD)/pagewalk-iss

# The ISS includes the core definitions besides the model's.
$(ISS_OBJS) $(BUILD)/cmodel/pagewalk_iss.o: $(GEN_DIR)/pagewalk_core.h

$(ISS_LIB): $(ISS_OBJS)
	$(AR) rcs $@ $^

$(ISS_CMD): $(BUILD)/cmodel/pagewalk_iss.o $(ISS_LIB) $(MODEL_LIB)
	$(CC) $(CFLAGS) -o $@ $^

$(BUILD)/cmodel/pagewalk_iss.o: MODEL_CFLAGS += -DPAGEWALK_VERSION='"$(VERSION)"'

ISS_TEST_SRCS := tests/iss/test_elf.cc tests/iss/test_iss.cc
ISS_TEST_OBJS := $(ISS_TEST_SRCS:%.cc=$(BUILD)/%.o)
ISS_TEST_BIN  := $(BUILD)/tests/iss-tests

$(BUILD)/tests/iss/%.o: tests/iss/%.cc $(GEN_HEADERS) $(GEN_DIR)/pagewalk_core.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(TEST_CXXFLAGS) -MMD -MP -c $< -o $@

-include $(wildcard $(BUILD)/tests/iss/*.d)

$(ISS_TEST_BIN): $(ISS_TEST_OBJS) $(ISS_LIB) $(MODEL_LIB)
	$(CXX) $(CXXFLAGS) -o $@ $^ $(GTEST_LIBS)

$(BUILD)/tests/iss/test_elf.o: TEST_CXXFLAGS += -DISS_TEST_TMP='"$(abspath $(BUILD))/tests/iss-tmp"'

.PHONY: iss test-iss-unit
iss: $(ISS_CMD)

test-iss-unit: $(ISS_TEST_BIN)
	@echo "== GoogleTest: ISS"
	@mkdir -p $(BUILD)/tests/iss-tmp
	@$(ISS_TEST_BIN) --gtest_brief=1

include tests/isa/isa.mk
include tests/random/random.mk

# Everything of the ISS that make test runs.
.PHONY: test-iss
test-iss: test-iss-unit test-isa test-random
TEST_TARGETS += test-iss

# ---------------------------------------------------------------- benchmark
# ISS speed with Sv32 on (tests/bench/iss_bench.S), in CPU time: the
# workload whose pages fit the translation memo, and one with 512 data pages
# where every load and store walks the page tables.
ISS_BENCH_DIR := tests/bench
ISS_BENCH_ELFS := $(BUILD)/bench/iss_bench.elf $(BUILD)/bench/iss_bench_walks.elf
ISS_BENCH_FLAGS := -march=rv32im -mabi=ilp32 -nostdlib -nostartfiles -static -Itests/isa -I$(GEN_DIR) \
                   -T $(ISS_BENCH_DIR)/link.ld -Wl,--no-warn-rwx-segments

$(BUILD)/bench/iss_bench.elf: $(ISS_BENCH_DIR)/iss_bench.S $(ISS_BENCH_DIR)/link.ld $(ISA_DEPS)
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc $(ISS_BENCH_FLAGS) -o $@ $<

$(BUILD)/bench/iss_bench_walks.elf: $(ISS_BENCH_DIR)/iss_bench.S $(ISS_BENCH_DIR)/link.ld $(ISA_DEPS)
	@mkdir -p $(@D)
	$(RISCV_PREFIX)gcc $(ISS_BENCH_FLAGS) -DPAGES=512 -DROUNDS=250 -o $@ $<

.PHONY: bench-iss
BENCH_TARGETS += bench-iss
bench-iss: $(ISS_CMD) $(ISS_BENCH_ELFS)
	@echo "== ISS instructions per second, Sv32 on, 64 data pages (translations memoised):"
	@echo "   $(ISS_CMD) --stats $(BUILD)/bench/iss_bench.elf"
	@$(ISS_CMD) --stats $(BUILD)/bench/iss_bench.elf
	@echo "== the same with 512 data pages (every load and store walks the page tables):"
	@echo "   $(ISS_CMD) --ram 4M --stats $(BUILD)/bench/iss_bench_walks.elf"
	@$(ISS_CMD) --ram 4M --stats $(BUILD)/bench/iss_bench_walks.elf
