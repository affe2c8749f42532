"""Suites of independent jobs, run on this machine or as a SLURM job array.

A suite is a list of jobs, each a command with an id. Whoever runs a job (a
local worker or a SLURM array task) appends a result record for it to the
suite's results folder; a merge builds the summary and JUnit XML from the
records, so a run split over many machines reports exactly as one machine
would. docs/regress.md describes the folder, the job protocol and the commands.

Modules: plan (the folder: plan, records, sessions), execute (run jobs and
judge them), report (progress line, summaries, JUnit), slurm (job arrays),
cluster (a single-node SLURM cluster for tests), run (one run or resume, start
to merge), cli (`python3 suite ...`).
"""
