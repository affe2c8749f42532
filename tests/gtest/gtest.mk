# GoogleTest suites over the golden model, through the C shim (tests/shim),
# and the directed vectors they generate. Included by the top-level Makefile.

## test-gtest: only the GoogleTest suites
## vectors: regenerate tests/vectors/directed-*.vec from the directed cases

.PHONY: test-gtest vectors check-generated-vectors
PACKAGES += libgtest-dev

GTEST_LIBS := -lgtest -lgtest_main -pthread

GTEST_SRCS := tests/gtest/test_directed.cc tests/gtest/test_vec_parser.cc \
              tests/gtest/test_memory.cc tests/gtest/test_properties.cc \
              tests/gtest/test_cli.cc tests/gtest/directed_cases.cc tests/gtest/test_stim_trace.cc \
              tests/gtest/test_mmu_cycle.cc
GTEST_OBJS := $(GTEST_SRCS:%.cc=$(BUILD)/%.o)
GTEST_BIN  := $(BUILD)/tests/model-tests
GEN_VEC    := $(BUILD)/tests/gen-directed-vec

TEST_CXXFLAGS := -std=c++17 $(WARN) -I$(GEN_DIR) -Icmodel -Itests/shim -Itests/gtest

$(BUILD)/tests/gtest/%.o: tests/gtest/%.cc $(GEN_DIR)/pagewalk_defs.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(TEST_CXXFLAGS) -MMD -MP -c $< -o $@

-include $(wildcard $(BUILD)/tests/gtest/*.d)

$(BUILD)/tests/gtest/test_cli.o: TEST_CXXFLAGS += \
    -DPAGEWALK_MODEL_CMD='"$(abspath $(MODEL_CMD))"' -DPAGEWALK_SOURCE_DIR='"$(CURDIR)"'

$(GTEST_BIN): $(GTEST_OBJS) $(MODEL_LIB)
	$(CXX) $(CXXFLAGS) -o $@ $^ $(GTEST_LIBS)

$(GEN_VEC): $(BUILD)/tests/gtest/gen_directed_vec.o $(BUILD)/tests/gtest/directed_cases.o $(MODEL_LIB)
	$(CXX) $(CXXFLAGS) -o $@ $^

test-gtest: $(GTEST_BIN) $(MODEL_CMD)
	@echo "== GoogleTest: golden model"
	@$(GTEST_BIN) --gtest_brief=1

TEST_TARGETS += test-gtest

# The committed directed vectors are generated; rewrite them, or prove them current.
vectors: $(GEN_VEC)
	$(GEN_VEC) tests/vectors

check-generated-vectors: $(GEN_VEC)
	@rm -rf $(BUILD)/vectors-check && mkdir -p $(BUILD)/vectors-check
	@$(GEN_VEC) $(BUILD)/vectors-check
	@for f in $(BUILD)/vectors-check/*.vec; do \
	  if ! cmp -s $$f tests/vectors/$$(basename $$f); then \
	    echo "error: tests/vectors/$$(basename $$f) is stale: run 'make vectors' and commit it"; exit 1; fi; \
	done
	@echo "generated vectors are current"

GENERATE_TARGETS += vectors
CHECK_GENERATED  += check-generated-vectors
