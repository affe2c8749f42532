#!/bin/sh
# A stand-in for pagewalk-cosim in suite/test_slurm.py: it runs the real
# simulator ($GATE_SIM) with the same arguments, except that the svade run of
# seed $GATE_SEED first waits while the file $GATE_DIR/closed exists, after
# writing its pid to $GATE_DIR/waiting. The test kills the SLURM array task
# running it there, midway through the task's chunk, then opens the gate.
seed="" ad="" prev=""
for arg in "$@"; do
    case $prev in
        --seed) seed=$arg ;;
        --ad) ad=$arg ;;
    esac
    prev=$arg
done
if [ -n "${GATE_SEED:-}" ] && [ "$seed" = "$GATE_SEED" ] && [ "$ad" = svade ] &&
   [ -e "$GATE_DIR/closed" ]; then
    echo $$ > "$GATE_DIR/waiting.tmp" && mv "$GATE_DIR/waiting.tmp" "$GATE_DIR/waiting"
    while [ -e "$GATE_DIR/closed" ]; do sleep 0.1; done
fi
exec "$GATE_SIM" "$@"
