// pw_leaf_check: the leaf rules of a translation (docs/translation.md),
// shared by the TLB hit path and the walker so the two cannot disagree.
//
//   deny_o      privilege or R/W/X permission forbids the access: page fault
//   ad_clear_o  A = 0, or a store with D = 0: Svade faults, Svadu writes back
//
// Access encoding (req_access):  0 load | 1 store | 2, 3 fetch
// Privilege encoding (req_priv): 0 U    | 1 S     | 2, 3 M
`default_nettype none
`include "pagewalk_defs.vh"

module pw_leaf_check (
  input  wire [1:0] access_i,
  input  wire [1:0] priv_i,
  input  wire       sum_i,
  input  wire       mxr_i,
  // V and G are the callers' business; taking the whole flag byte keeps
  // both call sites plain.
  /* verilator lint_off UNUSEDSIGNAL */
  input  wire [7:0] flags_i,             // PTE bits D A G U X W R V
  /* verilator lint_on UNUSEDSIGNAL */
  output wire       deny_o,
  output wire       ad_clear_o,
  output wire [3:0] page_fault_cause_o,  // the page fault of this access type
  output wire [3:0] access_fault_cause_o // the access fault of this access type
);
  wire is_fetch = access_i[1];
  wire is_store = (access_i == 2'd`PW_MMU_ACCESS_STORE);
  wire is_user  = (priv_i == 2'd`PW_PRIV_U_VALUE);
  wire is_super = (priv_i == 2'd`PW_PRIV_S_VALUE);

  wire r = flags_i[`PW_PTE_R];
  wire w = flags_i[`PW_PTE_W];
  wire x = flags_i[`PW_PTE_X];
  wire u = flags_i[`PW_PTE_U];
  wire a = flags_i[`PW_PTE_A];
  wire d = flags_i[`PW_PTE_D];

  // S-mode may touch U pages only with SUM, and never execute them.
  wire priv_deny = (is_user & ~u) | (is_super & u & (~sum_i | is_fetch));
  // MXR makes executable pages readable.
  wire allowed   = is_fetch ? x : is_store ? w : (r | (mxr_i & x));

  assign deny_o     = priv_deny | ~allowed;
  assign ad_clear_o = ~a | (is_store & ~d);

  assign page_fault_cause_o   = is_fetch ? 4'd`PW_CAUSE_FETCH_PAGE_FAULT :
                                is_store ? 4'd`PW_CAUSE_STORE_PAGE_FAULT :
                                           4'd`PW_CAUSE_LOAD_PAGE_FAULT;
  assign access_fault_cause_o = is_fetch ? 4'd`PW_CAUSE_FETCH_ACCESS :
                                is_store ? 4'd`PW_CAUSE_STORE_ACCESS :
                                           4'd`PW_CAUSE_LOAD_ACCESS;
endmodule

`default_nettype wire
