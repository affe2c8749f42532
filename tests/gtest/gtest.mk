# GoogleTest suites over the golden model, through the C shim (tests/shim).
# Included by the top-level Makefile.
GTEST_LIBS := -lgtest -lgtest_main -pthread

GTEST_SRCS := tests/gtest/test_directed.cc tests/gtest/test_vec_parser.cc \
              tests/gtest/test_memory.cc tests/gtest/test_properties.cc \
              tests/gtest/test_cli.cc tests/gtest/directed_cases.cc tests/gtest/test_stim_trace.cc \
              tests/gtest/test_mmu_cycle.cc
GTEST_OBJS := $(GTEST_SRCS:%.cc=$(BUILD)/%.o)
GTEST_BIN  := $(BUILD)/tests/model-tests
GEN_VEC    := $(BUILD)/tests/gen-directed-vec

$(BUILD)/tests/%.o: tests/%.cc $(BUILD)/gen/pagewalk_defs.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(TEST_CXXFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tests/gtest/test_cli.o: TEST_CXXFLAGS += \
    -DPAGEWALK_MODEL_CMD='"$(abspath $(MODEL_CMD))"' -DPAGEWALK_SOURCE_DIR='"$(CURDIR)"'

$(GTEST_BIN): $(GTEST_OBJS) $(MODEL_LIB)
	$(CXX) $(CXXFLAGS) -o $@ $^ $(GTEST_LIBS)

$(GEN_VEC): $(BUILD)/tests/gtest/gen_directed_vec.o $(BUILD)/tests/gtest/directed_cases.o $(MODEL_LIB)
	$(CXX) $(CXXFLAGS) -o $@ $^

test-gtest: $(GTEST_BIN) $(MODEL_CMD)
	@echo "== GoogleTest: golden model"
	@$(GTEST_BIN) --gtest_brief=1

# The committed directed vectors are generated; rewrite them, or prove them current.
vectors: $(GEN_VEC)
	$(GEN_VEC) tests/vectors

check-generated: $(GEN_VEC)
	@rm -rf $(BUILD)/vectors-check && mkdir -p $(BUILD)/vectors-check
	@$(GEN_VEC) $(BUILD)/vectors-check
	@for f in $(BUILD)/vectors-check/*.vec; do \
	  if ! cmp -s $$f tests/vectors/$$(basename $$f); then \
	    echo "error: tests/vectors/$$(basename $$f) is stale: run 'make vectors' and commit it"; exit 1; fi; \
	done
	@echo "generated vectors are current"
