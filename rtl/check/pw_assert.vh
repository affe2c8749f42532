// PW_ASSERT / PW_ASSUME: one spelling of a checked rule for formal tools and
// simulators, so the interface rules of docs/mmu.md are written once
// (docs/formal.md, "Reusing the rules in simulation").
//
// Use them inside `always @(posedge clk)` blocks: a rule is checked at each
// rising edge on the values of the cycle that edge ends.
//   FORMAL (yosys read_verilog -formal): labelled immediate assert / assume.
//   VERILATOR: a labelled immediate assertion, compiled in by --assert and
//     left out by --noassert; a failure is $error, which names the rule
//     ("Assertion failed in TOP.....u_protocol.a_resp_expected") and stops
//     the simulation ($stop: a harness that turns fatalOnError off sees
//     gotError() and reports it).
//   anything else (Icarus): a named block that prints its own hierarchical
//     name (%m ends in the label) and ends the run with $fatal, so vvp exits
//     non-zero.
// An assumption is a rule on the environment, so in simulation it is checked
// like an assertion: a failing one means the testbench broke the protocol.
// A condition that contains a comma must be wrapped in parentheses.
`ifndef PW_ASSERT_VH
`define PW_ASSERT_VH

`ifdef FORMAL
`define PW_ASSERT(label, cond) label: assert (cond);
`define PW_ASSUME(label, cond) label: assume (cond);
`elsif VERILATOR
`define PW_ASSERT(label, cond) label: assert (cond) else $error("the MMU broke an interface rule");
`define PW_ASSUME(label, cond) label: assert (cond) else $error("the environment broke the protocol");
`else
`define PW_ASSERT(label, cond) begin : label if (!(cond)) begin $display("%m: assertion failed at %0t", $time); $fatal(1); end end
`define PW_ASSUME(label, cond) begin : label if (!(cond)) begin $display("%m: environment broke the protocol at %0t", $time); $fatal(1); end end
`endif

`endif
