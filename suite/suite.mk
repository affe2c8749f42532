# Suites of independent jobs, run here or as SLURM job arrays (suite/, docs/regress.md).
# Included by the top-level Makefile.
#
# Every suite target takes the same variables:
#   SCHEDULER=local|slurm   where the jobs run (default local)
#   CHUNK=N                 slurm: jobs per array task (for regress: seeds per task)
#   PARTITION=NAME          slurm: the partition (default: the cluster's)
#   SBATCH_ARGS='--time=1:00:00 ...'  more sbatch options
#   RESUME=1                run only what has no record yet in the results folder
#   DETACH=1                slurm: submit the array and a merge job after it, and return

## test-suite: only the suite runner's tests (jobs, records, merge, resume)
## test-slurm: a single-node SLURM cluster runs regressions as job arrays; merged
##  results must equal local runs, a cancelled task must resume
## slurm-start: start that cluster in build/slurm (then . build/slurm/env.sh);
##  make slurm-stop stops it
PACKAGES += slurmctld slurmd slurm-client munge
SCHEDULER ?= local
SUITE_RUN_FLAGS = --scheduler $(SCHEDULER) $(if $(PARTITION),--partition $(PARTITION)) \
                  $(if $(filter 1 yes,$(RESUME)),--resume) $(if $(filter 1 yes,$(DETACH)),--detach) \
                  $(foreach a,$(SBATCH_ARGS),--sbatch-arg=$(a))

.PHONY: test-suite

# Runs a unittest module quietly: its last lines when it passes, all of it when not.
# $(call quiet_unittest,MODULE,LOG)
quiet_unittest = mkdir -p $(dir $(2)) && if $(PYTHON) -m unittest $(1) >$(2) 2>&1; \
  then tail -n 3 $(2); else cat $(2); echo "(log: $(2))"; exit 1; fi

test-suite:
	@echo "== suite: jobs, records, merge and resume (python3 -m unittest suite/test_suite.py)"
	@$(call quiet_unittest,suite/test_suite.py,$(BUILD)/suite/test-suite.log)

# A real single-node SLURM cluster (suite/cluster.py) runs regressions and a
# jobs file; merged results must equal local runs; a cancelled task is resumed.
SLURM_TEST_DIR := $(BUILD)/slurm-test
.PHONY: test-slurm slurm-start slurm-stop
test-slurm: $(COSIM_CMD)
	@echo "== SLURM: a single-node cluster runs the regression as job arrays; merged = local"
	@export SUITE_TEST_CLUSTER=$(SLURM_TEST_DIR) SUITE_TEST_SIM=$(COSIM_CMD); \
	  $(call quiet_unittest,suite/test_slurm.py,$(BUILD)/suite/test-slurm.log)

# A cluster to try SCHEDULER=slurm by hand: `make slurm-start`, then
# `. $(BUILD)/slurm/env.sh` (or SLURM_CONF=...) and `make regress SCHEDULER=slurm`.
slurm-start:
	@$(PYTHON) suite cluster start $(BUILD)/slurm
slurm-stop:
	@$(PYTHON) suite cluster stop $(BUILD)/slurm

TEST_TARGETS += test-suite test-slurm
