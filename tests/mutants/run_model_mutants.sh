#!/usr/bin/env bash
# Build each deliberate bug of tests/mutants/model.mutants into its own
# pagewalk-model and require `pagewalk-model check` on the vector files to
# fail. Proves the vectors (and the checker) catch real mistakes.
#   usage: run_model_mutants.sh BUILD_DIR VECTOR_FILE...
set -euo pipefail
build=$1; shift
vectors=("$@")
cc=${CC:-gcc}
cflags="-std=c11 -O1 -D_POSIX_C_SOURCE=200809L -I$build/gen -Icmodel"
# The rest of the model, as the Makefile lists it (MODEL_OTHER_SRCS).
read -r -a others <<< "${MODEL_OTHER_SRCS:?set by the Makefile: every model source but sv32.c}"
work=$build/model-mutants
mkdir -p "$work"
caught=0 missed=0 broken=0
while IFS='|' read -r name expr; do
    name=$(echo "$name" | xargs)
    [[ -z $name || $name == \#* ]] && continue
    expr=$(echo "$expr" | sed 's/^ *//; s/ *$//')
    src=$work/$name.c
    sed "$expr" cmodel/sv32.c > "$src"
    if cmp -s "$src" cmodel/sv32.c; then
        echo "BROKEN  $name: the expression no longer changes cmodel/sv32.c"
        broken=$((broken + 1)); continue
    fi
    if ! $cc $cflags -o "$work/$name" "$src" "${others[@]}" 2> "$work/$name.log"; then
        echo "BROKEN  $name: does not compile (see $work/$name.log)"
        broken=$((broken + 1)); continue
    fi
    if "$work/$name" check --quiet "${vectors[@]}" > "$work/$name.out" 2>&1; then
        echo "MISSED  $name: every vector still passes"
        missed=$((missed + 1))
    else
        echo "caught  $name: $(tail -1 "$work/$name.out")"
        caught=$((caught + 1))
    fi
done < tests/mutants/model.mutants
echo "model mutants: $caught caught, $missed missed, $broken broken"
[[ $missed -eq 0 && $broken -eq 0 ]]
