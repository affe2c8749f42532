// pw_tlb: the fully associative TLB's entries (docs/mmu.md, "The TLB").
//
// Compare is combinational and gives one match bit per entry. The pick
// takes a match vector (this cycle's compare in the one-cycle MMU, the one
// registered at acceptance in the pipelined MMU) and gives the lowest
// matching entry and its payload. Fill and sfence act at the clock edge. Fill goes to
// the refill index when asked, else the lowest invalid entry, else the
// victim pointer, which then advances (round robin, only when used).
//
// Registered (the pipelined MMU, HitLatency 2 and 3) moves two things off
// the critical paths without changing what the ports show:
//   - the sfence's per-entry compare is registered, and the flush it makes
//     clears the entries one edge later; in between, the compare masks them,
//     so a lookup in the next cycle already misses them.
//   - the fill index is computed a cycle ahead. A fill at edge e uses the
//     index chosen from the valid bits of cycle e-1: they are those of cycle
//     e, because a walk's fill is cancelled by any sfence during the walk and
//     nothing else clears or sets a valid bit while a walk runs.
`default_nettype none

module pw_tlb #(
  parameter integer TlbEntries = 8,
  parameter integer Registered = 0,   // 1: registered flush vector, fill index a cycle ahead
  parameter integer FlushAll   = 0,   // 1: every sfence clears every entry
  // How the picked PPN is read: 0 through the binary index (the one-cycle
  // MMU), 1 through the one-hot vector (HitLatency 2), 2 registered, at the
  // edge after the pick, from a memory synthesis may map to RAM (HitLatency
  // 3), 3 the same in block RAM (PpnInBram).
  parameter integer PpnRead    = 0,
  // Derived, not to be overridden (Verilog-2005 has no localparam here).
  parameter integer IndexBits = (TlbEntries > 1) ? $clog2(TlbEntries) : 1
) (
  input  wire                    clk_i,
  input  wire                    rst_ni,
  // compare
  input  wire [19:0]             lookup_vpn_i,   // VA[31:12]
  input  wire [8:0]              lookup_asid_i,
  output reg  [TlbEntries-1:0]   match_o,
  // every entry's flags, for per-entry checks
  output wire [5*TlbEntries-1:0] perm_o,         // {D, U, X, W, R} of entry i at [5i +: 5]
  // pick: the lowest entry set in pick_match_i (if several match, it wins)
  input  wire [TlbEntries-1:0]   pick_match_i,
  output reg                     hit_o,
  output reg  [IndexBits-1:0]    hit_index_o,
  output reg  [TlbEntries-1:0]   hit_onehot_o,   // the same entry, one-hot
  output wire [21:0]             hit_ppn_o,      // PpnRead 0, 1 (else 0; see ppn_rd_o)
  output wire                    hit_mega_o,
  output wire [7:0]              hit_flags_o,    // PTE flag layout; A set, V G clear
  // PpnRead 2, 3: the PPN of the entry hit_index_o named at the last edge
  output wire [21:0]             ppn_rd_o,
  // fill
  input  wire                    fill_i,
  input  wire                    fill_refill_i,        // overwrite refill_index_i
  input  wire [IndexBits-1:0]    fill_refill_index_i,
  input  wire [19:0]             fill_vpn_i,
  input  wire                    fill_mega_i,
  input  wire [8:0]              fill_asid_i,
  input  wire                    fill_global_i,
  input  wire [21:0]             fill_ppn_i,
  input  wire [4:0]              fill_perm_i,    // the leaf's {D, U, X, W, R}
  // sfence.vma
  input  wire                    sfence_valid_i,
  input  wire [19:0]             sfence_vpn_i,
  input  wire [8:0]              sfence_asid_i,
  input  wire                    sfence_all_va_i,
  input  wire                    sfence_all_asid_i,
  // events, for tracing
  output wire [IndexBits-1:0]    fill_index_o,
  output wire                    fill_overwrites_o  // the entry written was valid
);
  reg [TlbEntries-1:0] valid_q;
  reg [9:0]  vpn1_q   [0:TlbEntries-1];
  reg [9:0]  vpn0_q   [0:TlbEntries-1];
  reg        mega_q   [0:TlbEntries-1];
  reg [8:0]  asid_q   [0:TlbEntries-1];
  reg        global_q [0:TlbEntries-1];
  reg [4:0]  perm_q   [0:TlbEntries-1];  // {D, U, X, W, R}
  reg [IndexBits-1:0] victim_q;

  // The sfence's per-entry compare: VPN[1], VPN[0] and ASID equal. The rule
  // that combines them into the flush vector is applied to these, or, when
  // Registered, to their registered copies a cycle later.
  reg [TlbEntries-1:0] sf_vpn1_eq, sf_vpn0_eq, sf_asid_eq;
  wire [TlbEntries-1:0] f_vpn1_eq, f_vpn0_eq, f_asid_eq;
  wire                  f_valid, f_all_va, f_all_asid;

  // Which entries translate the lookup VA, and which the sfence names.
  reg [TlbEntries-1:0] flush;
  integer i;
  always @* begin
    for (i = 0; i < TlbEntries; i = i + 1) begin
      sf_vpn1_eq[i] = vpn1_q[i] == sfence_vpn_i[19:10];
      sf_vpn0_eq[i] = vpn0_q[i] == sfence_vpn_i[9:0];
      sf_asid_eq[i] = asid_q[i] == sfence_asid_i;
      flush[i] = f_valid && ((FlushAll != 0) ||
                 ((f_all_va || (f_vpn1_eq[i] && (mega_q[i] || f_vpn0_eq[i]))) &&
                  (f_all_asid || (!global_q[i] && f_asid_eq[i]))));
      // Registered: an entry the flush will clear at this edge is already gone.
      match_o[i] = valid_q[i] && !(Registered != 0 && flush[i]) &&
                   vpn1_q[i] == lookup_vpn_i[19:10] &&
                   (mega_q[i] || vpn0_q[i] == lookup_vpn_i[9:0]) &&
                   (global_q[i] || asid_q[i] == lookup_asid_i);
    end
  end

  genvar g;
  generate
    for (g = 0; g < TlbEntries; g = g + 1) begin : g_perm
      assign perm_o[5*g +: 5] = perm_q[g];
    end
  endgenerate

  // The lowest picked entry wins; the lowest invalid entry is filled first.
  reg                 any_invalid;
  reg [IndexBits-1:0] first_invalid;
  always @* begin
    hit_o         = 1'b0;
    hit_index_o   = {IndexBits{1'b0}};
    any_invalid   = 1'b0;
    first_invalid = {IndexBits{1'b0}};
    for (i = TlbEntries - 1; i >= 0; i = i - 1) begin
      if (pick_match_i[i]) begin
        hit_o       = 1'b1;
        hit_index_o = i[IndexBits-1:0];
      end
      if (!valid_q[i]) begin
        any_invalid   = 1'b1;
        first_invalid = i[IndexBits-1:0];
      end
    end
  end

  // The first match as a one-hot vector: Registered selects with it, AND-OR,
  // a LUT level or two shorter than a multiplexer on the binary index.
  reg seen;
  always @* begin
    seen = 1'b0;
    for (i = 0; i < TlbEntries; i = i + 1) begin
      hit_onehot_o[i] = pick_match_i[i] && !seen;
      seen            = seen || pick_match_i[i];
    end
  end

  reg sel_mega;
  always @* begin
    sel_mega = 1'b0;
    for (i = 0; i < TlbEntries; i = i + 1)
      sel_mega = sel_mega | (hit_onehot_o[i] & mega_q[i]);
  end
  assign hit_mega_o  = (Registered != 0) ? sel_mega : mega_q[hit_index_o];
  //                     D                      A     G     U                      X
  assign hit_flags_o = {perm_q[hit_index_o][4], 1'b1, 1'b0, perm_q[hit_index_o][3],
                        perm_q[hit_index_o][2:0], 1'b0};  // W R, V

  wire [IndexBits-1:0] victim_next = (victim_q == TlbEntries[IndexBits-1:0] - 1'b1) ?
                                     {IndexBits{1'b0}} : victim_q + 1'b1;
  wire                 use_victim_now = !fill_refill_i && !any_invalid;
  wire [IndexBits-1:0] fill_index_now = fill_refill_i ? fill_refill_index_i :
                                        any_invalid   ? first_invalid : victim_q;
  wire                 use_victim;
  wire [IndexBits-1:0] fill_index;

  generate
    if (Registered != 0) begin : g_registered
      // The sfence is registered with its compare; its flush clears the
      // entries at the next edge (an sfence's fill cancel makes this safe: no
      // fill lands between the two edges).
      reg [TlbEntries-1:0] vpn1_eq_q, vpn0_eq_q, asid_eq_q;
      reg                  sf_valid_q, sf_all_va_q, sf_all_asid_q;
      reg [IndexBits-1:0]  fill_index_q;
      reg                  use_victim_q;
      always @(posedge clk_i) begin
        if (!rst_ni) begin
          sf_valid_q   <= 1'b0;
          fill_index_q <= {IndexBits{1'b0}};
          use_victim_q <= 1'b0;
        end else begin
          sf_valid_q   <= sfence_valid_i;
          fill_index_q <= fill_index_now;
          use_victim_q <= use_victim_now;
        end
        vpn1_eq_q     <= sf_vpn1_eq;
        vpn0_eq_q     <= sf_vpn0_eq;
        asid_eq_q     <= sf_asid_eq;
        sf_all_va_q   <= sfence_all_va_i;
        sf_all_asid_q <= sfence_all_asid_i;
      end
      assign f_valid    = sf_valid_q;
      assign f_all_va   = sf_all_va_q;
      assign f_all_asid = sf_all_asid_q;
      assign f_vpn1_eq  = vpn1_eq_q;
      assign f_vpn0_eq  = vpn0_eq_q;
      assign f_asid_eq  = asid_eq_q;
      assign fill_index = fill_index_q;
      assign use_victim = use_victim_q;
    end else begin : g_direct
      assign f_valid    = sfence_valid_i;
      assign f_all_va   = sfence_all_va_i;
      assign f_all_asid = sfence_all_asid_i;
      assign f_vpn1_eq  = sf_vpn1_eq;
      assign f_vpn0_eq  = sf_vpn0_eq;
      assign f_asid_eq  = sf_asid_eq;
      assign fill_index = fill_index_now;
      assign use_victim = use_victim_now;
    end
  endgenerate

  assign fill_index_o      = fill_index;
  assign fill_overwrites_o = valid_q[fill_index];

  // Valid bits and the victim pointer: reset, flush, fill.
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      valid_q  <= {TlbEntries{1'b0}};
      victim_q <= {IndexBits{1'b0}};
    end else begin
      valid_q <= valid_q & ~flush;
      if (fill_i) begin
        valid_q[fill_index] <= 1'b1;
        if (use_victim) victim_q <= victim_next;
      end
    end
  end

  // Entry payload: written on fill, never reset (invisible while invalid).
  always @(posedge clk_i) begin
    if (fill_i) begin
      vpn1_q[fill_index]   <= fill_vpn_i[19:10];
      vpn0_q[fill_index]   <= fill_vpn_i[9:0];
      mega_q[fill_index]   <= fill_mega_i;
      asid_q[fill_index]   <= fill_asid_i;
      global_q[fill_index] <= fill_global_i;
      perm_q[fill_index]   <= fill_perm_i;
    end
  end

  // The PPNs: flip-flops read by any entry at once, or a RAM read a cycle late.
  // A case, not an if/else-if chain: the chain would nest its later branches
  // in an unnamed block (genblkN), and the formal checks name g_ppn_ff. The
  // two RAM branches differ only in their ram_style attribute: an attribute
  // cannot take a parameter's value in every tool (Verilator ignores it,
  // yosys fails to map "distributed" on iCE40), so the block-RAM one is
  // spelled out.
  generate
    case (PpnRead)
    3: begin : g_ppn_bram
      (* ram_style = "block" *)
      reg [21:0] ppn_mem [0:TlbEntries-1];
      reg [21:0] ppn_rd_q;
      always @(posedge clk_i) begin
        if (fill_i) ppn_mem[fill_index] <= fill_ppn_i;
        ppn_rd_q <= ppn_mem[hit_index_o];
      end
      assign ppn_rd_o  = ppn_rd_q;
      assign hit_ppn_o = 22'd0;
    end
    2: begin : g_ppn_ram
      reg [21:0] ppn_mem [0:TlbEntries-1];
      reg [21:0] ppn_rd_q;
      always @(posedge clk_i) begin
        if (fill_i) ppn_mem[fill_index] <= fill_ppn_i;
        ppn_rd_q <= ppn_mem[hit_index_o];
      end
      assign ppn_rd_o  = ppn_rd_q;
      assign hit_ppn_o = 22'd0;
    end
    default: begin : g_ppn_ff
      reg [21:0] ppn_q [0:TlbEntries-1];
      reg [21:0] sel_ppn;
      always @(posedge clk_i) begin
        if (fill_i) ppn_q[fill_index] <= fill_ppn_i;
      end
      always @* begin
        sel_ppn = 22'd0;
        for (i = 0; i < TlbEntries; i = i + 1)
          sel_ppn = sel_ppn | ({22{hit_onehot_o[i]}} & ppn_q[i]);
      end
      assign hit_ppn_o = (PpnRead == 1) ? sel_ppn : ppn_q[hit_index_o];
      assign ppn_rd_o  = 22'd0;
    end
    endcase
  endgenerate
endmodule

`default_nettype wire
