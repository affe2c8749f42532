// PW_ASSERT / PW_ASSUME: one spelling of a checked rule for formal tools and
// simulators, so the interface rules of docs/mmu.md are written once
// (docs/formal.md, "Reusing the rules in simulation").
//
// Use them inside `always @(posedge clk)` blocks: a rule is checked at each
// rising edge on the values of the cycle that edge ends.
//   FORMAL (yosys read_verilog -formal): labelled immediate assert / assume.
//   anything else (Icarus, Verilator): a named block that prints its own
//     hierarchical name (%m ends in the label) and stops the simulation. An
//     assumption is a rule on the environment, so in simulation it is checked
//     like an assertion: a failing one means the testbench broke the protocol.
// A condition that contains a comma must be wrapped in parentheses.
`ifndef PW_ASSERT_VH
`define PW_ASSERT_VH

`ifdef FORMAL
`define PW_ASSERT(label, cond) label: assert (cond);
`define PW_ASSUME(label, cond) label: assume (cond);
`else
`define PW_ASSERT(label, cond) begin : label if (!(cond)) begin $display("%m: assertion failed at %0t", $time); $stop; end end
`define PW_ASSUME(label, cond) begin : label if (!(cond)) begin $display("%m: environment broke the protocol at %0t", $time); $stop; end end
`endif

`endif
