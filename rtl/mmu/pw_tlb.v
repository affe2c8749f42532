// pw_tlb: the fully associative TLB (docs/mmu.md, "The TLB").
//
// Lookup is combinational; fill and sfence act at the clock edge. Fill goes
// to the refill index when asked, else the lowest invalid entry, else the
// victim pointer, which then advances (round robin, only when used).
`default_nettype none

module pw_tlb #(
  parameter integer TlbEntries = 8,
  // Derived, not to be overridden (Verilog-2005 has no localparam here).
  parameter integer IndexBits = (TlbEntries > 1) ? $clog2(TlbEntries) : 1
) (
  input  wire                 clk_i,
  input  wire                 rst_ni,
  // lookup
  input  wire [19:0]          lookup_vpn_i,   // VA[31:12]
  input  wire [8:0]           lookup_asid_i,
  output reg                  hit_o,
  output reg  [IndexBits-1:0] hit_index_o,
  output wire [21:0]          hit_ppn_o,
  output wire                 hit_mega_o,
  output wire [7:0]           hit_flags_o,   // PTE flag layout; A set, V G clear
  // fill
  input  wire                 fill_i,
  input  wire                 fill_refill_i,        // overwrite refill_index_i
  input  wire [IndexBits-1:0] fill_refill_index_i,
  input  wire [19:0]          fill_vpn_i,
  input  wire                 fill_mega_i,
  input  wire [8:0]           fill_asid_i,
  input  wire                 fill_global_i,
  input  wire [21:0]          fill_ppn_i,
  input  wire [4:0]           fill_perm_i,    // the leaf's {D, U, X, W, R}
  // sfence.vma
  input  wire                 sfence_valid_i,
  input  wire [19:0]          sfence_vpn_i,
  input  wire [8:0]           sfence_asid_i,
  input  wire                 sfence_all_va_i,
  input  wire                 sfence_all_asid_i,
  // events, for tracing
  output wire [IndexBits-1:0] fill_index_o,
  output wire                 fill_overwrites_o  // the entry written was valid
);
  reg [TlbEntries-1:0] valid_q;
  reg [9:0]  vpn1_q   [0:TlbEntries-1];
  reg [9:0]  vpn0_q   [0:TlbEntries-1];
  reg        mega_q   [0:TlbEntries-1];
  reg [8:0]  asid_q   [0:TlbEntries-1];
  reg        global_q [0:TlbEntries-1];
  reg [21:0] ppn_q    [0:TlbEntries-1];
  reg [4:0]  perm_q   [0:TlbEntries-1];  // {D, U, X, W, R}
  reg [IndexBits-1:0] victim_q;

  // Which entries translate the lookup VA, and which the sfence VA and ASID name.
  reg [TlbEntries-1:0] match, flush;
  integer i;
  always @* begin
    for (i = 0; i < TlbEntries; i = i + 1) begin
      match[i] = valid_q[i] && vpn1_q[i] == lookup_vpn_i[19:10] &&
                 (mega_q[i] || vpn0_q[i] == lookup_vpn_i[9:0]) &&
                 (global_q[i] || asid_q[i] == lookup_asid_i);
      flush[i] = (sfence_all_va_i || (vpn1_q[i] == sfence_vpn_i[19:10] &&
                                      (mega_q[i] || vpn0_q[i] == sfence_vpn_i[9:0]))) &&
                 (sfence_all_asid_i || (!global_q[i] && asid_q[i] == sfence_asid_i));
    end
  end

  // The lowest matching entry wins; the lowest invalid entry is filled first.
  reg                 any_invalid;
  reg [IndexBits-1:0] first_invalid;
  always @* begin
    hit_o         = 1'b0;
    hit_index_o   = {IndexBits{1'b0}};
    any_invalid   = 1'b0;
    first_invalid = {IndexBits{1'b0}};
    for (i = TlbEntries - 1; i >= 0; i = i - 1) begin
      if (match[i]) begin
        hit_o       = 1'b1;
        hit_index_o = i[IndexBits-1:0];
      end
      if (!valid_q[i]) begin
        any_invalid   = 1'b1;
        first_invalid = i[IndexBits-1:0];
      end
    end
  end

  assign hit_ppn_o   = ppn_q[hit_index_o];
  assign hit_mega_o  = mega_q[hit_index_o];
  //                     D                      A     G     U                      X
  assign hit_flags_o = {perm_q[hit_index_o][4], 1'b1, 1'b0, perm_q[hit_index_o][3],
                        perm_q[hit_index_o][2:0], 1'b0};  // W R, V

  wire use_victim = !fill_refill_i && !any_invalid;
  assign fill_index_o  = fill_refill_i ? fill_refill_index_i :
                         any_invalid   ? first_invalid : victim_q;
  assign fill_overwrites_o = valid_q[fill_index_o];

  // Valid bits and the victim pointer: reset, flush, fill.
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      valid_q  <= {TlbEntries{1'b0}};
      victim_q <= {IndexBits{1'b0}};
    end else begin
      if (sfence_valid_i) valid_q <= valid_q & ~flush;
      if (fill_i) begin
        valid_q[fill_index_o] <= 1'b1;
        if (use_victim)
          victim_q <= (victim_q == TlbEntries[IndexBits-1:0] - 1'b1) ? {IndexBits{1'b0}}
                                                                    : victim_q + 1'b1;
      end
    end
  end

  // Entry payload: written on fill, never reset (invisible while invalid).
  always @(posedge clk_i) begin
    if (fill_i) begin
      vpn1_q[fill_index_o]   <= fill_vpn_i[19:10];
      vpn0_q[fill_index_o]   <= fill_vpn_i[9:0];
      mega_q[fill_index_o]   <= fill_mega_i;
      asid_q[fill_index_o]   <= fill_asid_i;
      global_q[fill_index_o] <= fill_global_i;
      ppn_q[fill_index_o]    <= fill_ppn_i;
      perm_q[fill_index_o]   <= fill_perm_i;
    end
  end
endmodule

`default_nettype wire
