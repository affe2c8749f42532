// pw_pte_rules: what one PTE read by a walk means (docs/mmu.md, "The
// walker"; docs/translation.md): a pointer to the next level, a page fault,
// or a leaf that needs its A/D bits updated. Both walkers (pw_walker and
// pw_walker_pipe) decide each PTE with this module, so they cannot disagree
// on the rules; they differ only in when the decision takes effect.
//
//   pointer_o     R = X = 0: the PTE points to the next level
//   page_fault_o  the walk ends in a page fault (invalid, a pointer at the
//                 last level or with D, A or U set, a denied or misaligned
//                 leaf, or a leaf needing A/D in Svade)
//   ad_clear_o    a leaf with A = 0, or D = 0 for a store: Svadu writes
//                 ad_update_o back (Svade has faulted)
`default_nettype none
`include "pagewalk_defs.vh"

module pw_pte_rules #(
  parameter integer Svadu = 0   // 1: hardware updates A/D; 0: a leaf needing it faults
) (
  input  wire [31:0] pte_i,
  input  wire        level_i,     // 1: the first level (a leaf there is a megapage)
  input  wire [1:0]  access_i,
  input  wire [1:0]  priv_i,
  input  wire        sum_i,
  input  wire        mxr_i,
  output wire        pointer_o,
  output wire        page_fault_o,
  output wire        ad_clear_o,
  output wire [3:0]  page_fault_cause_o,
  output wire [3:0]  access_fault_cause_o,
  output wire [31:0] ad_update_o    // the PTE with A set, and D for a store
);
  wire pte_v = pte_i[`PW_PTE_V], pte_r = pte_i[`PW_PTE_R], pte_w = pte_i[`PW_PTE_W];
  wire pte_x = pte_i[`PW_PTE_X], pte_u = pte_i[`PW_PTE_U];
  wire pte_a = pte_i[`PW_PTE_A], pte_d = pte_i[`PW_PTE_D];

  wire deny;
  pw_leaf_check u_leaf_check (
    .access_i            (access_i),
    .priv_i              (priv_i),
    .sum_i               (sum_i),
    .mxr_i               (mxr_i),
    .flags_i             (pte_i[7:0]),
    .deny_o              (deny),
    .ad_clear_o          (ad_clear_o),
    .page_fault_cause_o  (page_fault_cause_o),
    .access_fault_cause_o(access_fault_cause_o)
  );

  wire is_store   = (access_i == 2'd`PW_MMU_ACCESS_STORE);
  wire invalid    = !pte_v || (pte_w && !pte_r);
  wire pointer    = !pte_r && !pte_x;
  wire bad_ptr    = pte_d || pte_a || pte_u || !level_i;
  wire misaligned = level_i && pte_i[`PW_PTE_PPN0_HI:`PW_PTE_PPN0_LO] != 10'd0;

  assign pointer_o    = pointer;
  assign page_fault_o = invalid || (pointer && bad_ptr) || (!pointer && (deny || misaligned)) ||
                        (!pointer && ad_clear_o && Svadu == 0);
  assign ad_update_o  = pte_i | (32'd1 << `PW_PTE_A) | ({31'd0, is_store} << `PW_PTE_D);
endmodule

`default_nettype wire
