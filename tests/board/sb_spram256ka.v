// SB_SPRAM256KA, simulation model (ours): the iCE40UP5K's 16K x 16 single-port
// RAM as rtl/board/up5k/pw_up5k_spram.v uses it, for the board testbenches
// (Icarus and Verilator). Synthesis maps the name to the hard block. Behaviour,
// from Lattice's iCE40 SPRAM Usage Guide (TN1314, SB_SPRAM256KA):
//
//   CHIPSELECT and !WREN: DATAOUT = mem[ADDRESS] after the clock edge
//   CHIPSELECT and WREN:  each nibble i with MASKWREN[i] is written;
//                         DATAOUT is not defined (x)
//   !CHIPSELECT:          nothing happens; DATAOUT holds
//   SLEEP or !POWEROFF:   DATAOUT is 0 and nothing else happens (the contents
//                         are lost at power-off); STANDBY: DATAOUT undefined
// Contents start undefined (x in Icarus). tests/board/test_spram_model.sh
// runs this model and yosys's own (cells_sim.v) on the same random stimulus.
`default_nettype none

/* verilator lint_off DECLFILENAME */ // the primitive's name is Lattice's
module SB_SPRAM256KA (
  input  wire [13:0] ADDRESS,
  input  wire [15:0] DATAIN,
  input  wire [3:0]  MASKWREN,
  input  wire        WREN,
  input  wire        CHIPSELECT,
  input  wire        CLOCK,
  input  wire        STANDBY,
  input  wire        SLEEP,
  input  wire        POWEROFF,   // active low
  output reg  [15:0] DATAOUT
);
  reg [15:0] mem [0:16383];
  integer    n;

  always @(posedge CLOCK) begin
    if (SLEEP || !POWEROFF) begin
      DATAOUT <= 16'd0;
      if (!POWEROFF) for (n = 0; n < 16384; n = n + 1) mem[n] <= 16'hxxxx;
    end else if (STANDBY) begin
      DATAOUT <= 16'hxxxx;
    end else if (CHIPSELECT) begin
      if (!WREN) begin
        DATAOUT <= mem[ADDRESS];
      end else begin
        for (n = 0; n < 4; n = n + 1)
          if (MASKWREN[n]) mem[ADDRESS][4*n +: 4] <= DATAIN[4*n +: 4];
        DATAOUT <= 16'hxxxx;
      end
    end
  end
endmodule

`default_nettype wire
