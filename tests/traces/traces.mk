# Traces (docs/traces.md): hand-worked smoke traces (Icarus and the model),
# the three engines on 100,000 seeded cycles per policy (trace-compare, in
# cosim/cosim.mk), injected divergences found exactly, and the trace tool's
# own tests. Included by the top-level Makefile after cosim/cosim.mk.

## test-traces: trace-compare plus the hand-worked traces and the trace tool's tests

.PHONY: test-traces

test-traces: test-icarus trace-compare $(BUILD)/pagewalk-trace $(MODEL_CMD)
	@MODEL_CMD=$(MODEL_CMD) PAGEWALK_TRACE=$(BUILD)/pagewalk-trace VVP="$(VVP)" ICARUS_DIR=$(ICARUS_DIR) \
	  PYTHON="$(PYTHON)" tests/traces/test_traces.sh $(TRACE_DIR) $(TRACE_DIR)/seed$(TRACE_SEED)-svadu.model.trace

TEST_TARGETS += test-traces
