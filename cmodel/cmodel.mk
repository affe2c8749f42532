# The golden model: shared definitions, libpagewalk.a, pagewalk-model, the
# vector checks, the model mutants and the model benchmark (docs/translation.md).
# Included by the top-level Makefile after mk/common.mk.

## test-vectors: only pagewalk-model check on tests/vectors/*.vec
## test-model-mutants: build deliberately broken models; the vectors must catch each

.PHONY: check-vectors test-vectors test-model-mutants bench-model check-mmu-ports

# ---------------------------------------------------------------- shared definitions
# Each cmodel/gen/*.defs gives a C header, made here at build time, and a
# Verilog include, committed in rtl/include (make generated rewrites it,
# check-generated proves it current). pagewalk.defs: the MMU's constants;
# core.defs: the soft core's CSRs, exception codes and device registers.
$(GEN_DIR)/pagewalk_defs.h $(FRESH)/$(RTL_INC)/pagewalk_defs.vh &: cmodel/gen/pagewalk.defs cmodel/gen/gendefs.py
	@mkdir -p $(GEN_DIR) $(FRESH)/$(RTL_INC)
	$(PYTHON) cmodel/gen/gendefs.py $< $(GEN_DIR)/pagewalk_defs.h $(FRESH)/$(RTL_INC)/pagewalk_defs.vh

$(GEN_DIR)/pagewalk_core.h $(FRESH)/$(RTL_INC)/pagewalk_core.vh &: cmodel/gen/core.defs cmodel/gen/gendefs.py
	@mkdir -p $(GEN_DIR) $(FRESH)/$(RTL_INC)
	$(PYTHON) cmodel/gen/gendefs.py $< $(GEN_DIR)/pagewalk_core.h $(FRESH)/$(RTL_INC)/pagewalk_core.vh

COMMITTED_GENERATED += $(RTL_INC)/pagewalk_defs.vh $(RTL_INC)/pagewalk_core.vh

# The MMU's ports (cmodel/gen/mmu.ports): C X-macro lists at build time, the
# Verilog glue committed; check-generated also proves pw_mmu.v declares them.
$(GEN_DIR)/pw_mmu_ports.h $(FRESH)/$(RTL_INC)/pw_mmu_ports.vh &: cmodel/gen/mmu.ports cmodel/gen/genports.py
	@mkdir -p $(GEN_DIR) $(FRESH)/$(RTL_INC)
	$(PYTHON) cmodel/gen/genports.py $< --c $(GEN_DIR)/pw_mmu_ports.h --verilog $(FRESH)/$(RTL_INC)/pw_mmu_ports.vh

check-mmu-ports:
	@$(PYTHON) cmodel/gen/genports.py cmodel/gen/mmu.ports --check-rtl rtl/mmu/pw_mmu.v

COMMITTED_GENERATED += $(RTL_INC)/pw_mmu_ports.vh
GENERATED_CHECKS    += check-mmu-ports

# Every generated C header; whatever compiles against the model waits for them.
GEN_HEADERS := $(GEN_DIR)/pagewalk_defs.h $(GEN_DIR)/pw_mmu_ports.h

# ---------------------------------------------------------------- the library and the command
MODEL_SRCS := cmodel/sv32.c cmodel/explain.c cmodel/memory.c cmodel/vec.c cmodel/mmu_cycle.c \
              cmodel/stim.c cmodel/stim_write.c cmodel/vec_write.c cmodel/trace.c
MODEL_OBJS := $(MODEL_SRCS:%.c=$(BUILD)/%.o)
MODEL_LIB  := $(BUILD)/libpagewalk.a
MODEL_CMD  := $(BUILD)/pagewalk-model

$(BUILD)/cmodel/%.o: cmodel/%.c $(GEN_HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(MODEL_CFLAGS) -MMD -MP -c $< -o $@

$(MODEL_LIB): $(MODEL_OBJS)
	$(AR) rcs $@ $^

$(MODEL_CMD): $(BUILD)/cmodel/pagewalk_model.o $(MODEL_LIB)
	$(CC) $(CFLAGS) -o $@ $^

$(BUILD)/cmodel/pagewalk_model.o: MODEL_CFLAGS += -DPAGEWALK_VERSION='"$(VERSION)"'

-include $(wildcard $(BUILD)/cmodel/*.d)

# ---------------------------------------------------------------- checks
VECTOR_FILES = $(sort $(wildcard tests/vectors/*.vec))

check-vectors: $(MODEL_CMD)
	@echo "== pagewalk-model check tests/vectors/*.vec"
	@$(MODEL_CMD) check $(VECTOR_FILES)

test-vectors: check-vectors check-generated

# The vectors must catch every deliberate model bug in tests/mutants/model.mutants.
test-model-mutants: $(GEN_HEADERS)
	@echo "== model mutants: each must fail the directed vectors"
	@CC=$(CC) MODEL_OTHER_SRCS="$(filter-out cmodel/sv32.c,$(MODEL_SRCS)) cmodel/pagewalk_model.c" \
	  PYTHON="$(PYTHON)" SUITE_ARGS="--jobs $(or $(JOBS),2) --chunk $(or $(CHUNK),5) $(SUITE_RUN_FLAGS)" \
	  tests/mutants/run_model_mutants.sh $(BUILD) tests/vectors/directed-*.vec

TEST_TARGETS += test-vectors test-model-mutants

# ---------------------------------------------------------------- benchmark
$(BUILD)/pagewalk-bench: $(BUILD)/cmodel/bench_translate.o $(MODEL_LIB)
	$(CC) $(CFLAGS) -o $@ $^

bench-model: $(BUILD)/pagewalk-bench
	@$(BUILD)/pagewalk-bench

BENCH_TARGETS += bench-model
