# cmodel/iss.mk: the instruction-set simulator (library, pagewalk-iss) and its
# tests. Included by the top-level Makefile.
#
#   build/libpagewalk-iss.a   the ISS library (cmodel/iss.h, cmodel/elf.h);
#                             link it before build/libpagewalk.a
#   build/pagewalk-iss        the command (docs/iss.md)
#   build/tests/iss-tests     GoogleTest cases for the ISS's rules

ISS_SRCS := cmodel/elf.c cmodel/iss.c cmodel/iss_exec.c cmodel/iss_csr.c cmodel/iss_mem.c cmodel/iss_text.c
ISS_OBJS := $(ISS_SRCS:%.c=$(BUILD)/%.o)
ISS_LIB  := $(BUILD)/libpagewalk-iss.a
ISS_CMD  := $(BUILD)/pagewalk-iss

# The ISS includes the core definitions besides the model's.
$(ISS_OBJS) $(BUILD)/cmodel/pagewalk_iss.o: $(BUILD)/gen/pagewalk_core.h

$(ISS_LIB): $(ISS_OBJS)
	$(AR) rcs $@ $^

$(ISS_CMD): $(BUILD)/cmodel/pagewalk_iss.o $(ISS_LIB) $(MODEL_LIB)
	$(CC) $(CFLAGS) -o $@ $^

$(BUILD)/cmodel/pagewalk_iss.o: MODEL_CFLAGS += -DPAGEWALK_VERSION='"$(VERSION)"'

ISS_TEST_SRCS := tests/iss/test_elf.cc tests/iss/test_iss.cc
ISS_TEST_OBJS := $(ISS_TEST_SRCS:%.cc=$(BUILD)/%.o)
ISS_TEST_BIN  := $(BUILD)/tests/iss-tests

$(ISS_TEST_OBJS): $(BUILD)/gen/pagewalk_core.h

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
test-iss: test-iss-unit test-isa
