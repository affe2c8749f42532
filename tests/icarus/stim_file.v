// stim_file: reads a .stim file (docs/stimulus-format.md, version 1) and
// drives each cycle's stimulus on its outputs: reset, context, sfence and the
// head of the request queue. Not synthesizable: simulation only.
//
// load() reads and checks the whole file before the first cycle, so a
// malformed line stops the run (FILE:LINE: error: ..., non-zero exit) before
// any trace is written. Lines are read with $fgetc and split and checked by
// hand: $sscanf's %h would take "12g4" as 0x12 (and x, z, _ as digits), and
// $fgets/$sscanf on line-wide vectors make vvp several times slower.
//
// Memory image lines (m, e, w) and plan lines are kept in order for the
// testbench to load into its memory (image_word(), plan_step()).
`default_nettype none

module stim_file #(
  parameter integer Svadu = 0    // the build's A/D policy: a stimulus for the other is refused
) (
  // the MMU's inputs that the stimulus states, for the cycle of the last step()
  output reg        rst_no,
  output reg [31:0] satp_o,
  output reg        sum_o,
  output reg        mxr_o,
  output reg        req_valid_o,      // the head of the request queue, if due
  output reg [31:0] req_vaddr_o,
  output reg [1:0]  req_access_o,
  output reg [1:0]  req_priv_o,
  output reg        sfence_valid_o,
  output reg [31:0] sfence_vaddr_o,
  output reg [8:0]  sfence_asid_o,
  output reg        sfence_all_va_o,
  output reg        sfence_all_asid_o
);
  localparam integer TokMax   = 8;     // fields in a line
  localparam integer TokChars = 32;    // characters in a field
  localparam [31:0]  STDERR   = 32'h8000_0002;

  // Image kinds, as in the file.
  localparam [1:0] IMG_WORD = 2'd0, IMG_ERROR = 2'd1, IMG_WRITE_ERROR = 2'd2;

  // What the file holds.
  reg [8*1024-1:0] path;
  reg [63:0]       cycles;           // run cycles 0 to cycles-1
  bit [63:0] reset_cycle[$];
  bit [63:0] ctx_cycle[$];
  bit [33:0] ctx_value[$];           // {satp, sum, mxr}
  bit [63:0] sfence_cycle[$];
  bit [42:0] sfence_value[$];        // {va, asid, all_va, all_asid}
  bit [63:0] req_cycle[$];
  bit [35:0] req_value[$];           // {va, access, priv}
  bit [33:0] img_addr[$];
  bit [31:0] img_value[$];
  bit [1:0]  img_kind[$];
  bit [31:0] plan_ready[$];
  bit [31:0] plan_latency[$];

  // Cursors of the run: the next event of each kind, the request queue's head.
  integer reset_next, ctx_next, sfence_next, req_head;

  // The line being read and its fields: tok[i] holds the field right-aligned,
  // so it compares equal to a string literal; tok_len[i] its length.
  integer              line_no;
  reg [8*TokChars-1:0] tok [0:TokMax-1];
  integer              tok_len [0:TokMax-1];
  integer              ntok;

  // ---------------------------------------------------------------- errors
  task fail(input string msg);
    begin
      if (line_no > 0) $fdisplay(STDERR, "%0s:%0d: error: %0s", path, line_no, msg);
      else             $fdisplay(STDERR, "%0s: error: %0s", path, msg);
      $fatal(0, "tb_mmu: stopped on a stimulus error");
    end
  endtask

  // ---------------------------------------------------------------- fields
  // Read the next line, character by character, and split it into fields;
  // got = 0 at the end of the file. A comment line ('#' first) has no fields.
  task read_line(input integer fd, output got);
    integer              c;
    reg                  in_tok, comment, eol;
    reg [8*TokChars-1:0] cur;
    integer              cur_len;
    begin
      ntok = 0; in_tok = 0; comment = 0; eol = 0; got = 0;
      cur = 0; cur_len = 0;
      while (!eol) begin
        c = $fgetc(fd);
        if (c > 32 && c != 127) begin             // a field's character (most often)
          got = 1;
          if (in_tok) begin
            if (cur_len == TokChars) begin
              line_no = line_no + 1;
              fail($sformatf("a field longer than %0d characters", TokChars));
            end
            cur = {cur[8*TokChars-9:0], c[7:0]};
            cur_len = cur_len + 1;
          end else if (comment || (ntok == 0 && c == "#")) begin
            comment = 1;                            // ignored up to the newline
          end else begin
            if (ntok == TokMax) begin
              line_no = line_no + 1;
              fail("too many fields");
            end
            ntok = ntok + 1;
            in_tok = 1;
            cur = c[7:0];
            cur_len = 1;
          end
        end else begin
          if (c == -1) begin                        // end of file
            eol = 1;
          end else begin
            got = 1;
            if (c == 10) eol = 1;
            else if (c != " " && c != "\t" && c != 13 && !comment) begin
              line_no = line_no + 1;
              fail($sformatf("control character %0d", c));
            end
          end
          if (in_tok) begin                         // a field ends
            tok[ntok-1] = cur;
            tok_len[ntok-1] = cur_len;
            in_tok = 0;
          end
        end
      end
    end
  endtask

  task expect_fields(input integer n, input string usage);
    if (ntok != n) fail($sformatf("expected '%0s'", usage));
  endtask

  // Field t as a hex number of at most `bits` bits (no 0x, either case).
  task hex_field(input integer t, input integer bits, input string what, output [63:0] value);
    integer   i;
    reg [7:0] c;
    reg [3:0] d;
    begin
      value = 0;
      for (i = tok_len[t] - 1; i >= 0; i = i - 1) begin
        c = tok[t][8*i +: 8];
        if (c >= "0" && c <= "9")      d = c - "0";
        else if (c >= "a" && c <= "f") d = c - "a" + 10;
        else if (c >= "A" && c <= "F") d = c - "A" + 10;
        else fail($sformatf("%0s '%0s' is not a hex number", what, tok[t]));
        value = {value[59:0], d};
        if ((value >> bits) != 0) fail($sformatf("%0s '%0s' does not fit in %0d bits", what, tok[t], bits));
      end
    end
  endtask

  // Field t as a decimal number below 2^bits.
  task dec_field(input integer t, input integer bits, input string what, output [63:0] value);
    integer   i;
    reg [7:0] c;
    begin
      value = 0;
      for (i = tok_len[t] - 1; i >= 0; i = i - 1) begin
        c = tok[t][8*i +: 8];
        if (c < "0" || c > "9") fail($sformatf("%0s '%0s' is not a decimal number", what, tok[t]));
        value = value * 10 + (c - "0");
        if ((value >> bits) != 0) fail($sformatf("%0s '%0s' is too large", what, tok[t]));
      end
    end
  endtask

  // Field t as 0 or 1.
  task bit_field(input integer t, input string what, output value);
    begin
      if (tok[t] == "0")      value = 1'b0;
      else if (tok[t] == "1") value = 1'b1;
      else fail($sformatf("%0s must be 0 or 1, not '%0s'", what, tok[t]));
    end
  endtask

  // Field t as a 34-bit word address.
  task addr_field(input integer t, output [33:0] addr);
    reg [63:0] v;
    begin
      hex_field(t, 34, "ADDR", v);
      if (v[1:0] != 2'b00) fail($sformatf("ADDR '%0s' is not word-aligned", tok[t]));
      addr = v[33:0];
    end
  endtask

  // ---------------------------------------------------------------- lines
  reg        seen_ad, seen_cycles, seen_event;
  reg [63:0] last_cycle;

  // A header line: ad, cycles, m, e, w, plan.
  task header_line;
    reg [63:0] a, b;
    reg [33:0] addr;
    begin
      if (seen_event) fail($sformatf("'%0s' line after the first '@' line", tok[0]));
      if (tok[0] == "ad") begin
        expect_fields(2, "ad svade|svadu");
        if (seen_ad) fail("a second 'ad' line");
        seen_ad = 1;
        if (tok[1] != "svade" && tok[1] != "svadu")
          fail($sformatf("ad must be svade or svadu, not '%0s'", tok[1]));
        if ((tok[1] == "svadu") != (Svadu != 0))
          fail($sformatf("this stimulus is for a %0s build; this build is %0s",
                         tok[1], Svadu ? "svadu" : "svade"));
      end else if (tok[0] == "cycles") begin
        expect_fields(2, "cycles N");
        if (seen_cycles) fail("a second 'cycles' line");
        seen_cycles = 1;
        dec_field(1, 48, "cycles N", cycles);
      end else if (tok[0] == "m") begin
        expect_fields(3, "m ADDR VALUE");
        addr_field(1, addr);
        hex_field(2, 32, "VALUE", b);
        img_addr.push_back(addr); img_value.push_back(b[31:0]); img_kind.push_back(IMG_WORD);
      end else if (tok[0] == "e" || tok[0] == "w") begin
        expect_fields(2, tok[0] == "e" ? "e ADDR" : "w ADDR");
        addr_field(1, addr);
        img_addr.push_back(addr); img_value.push_back(0);
        img_kind.push_back(tok[0] == "e" ? IMG_ERROR : IMG_WRITE_ERROR);
      end else if (tok[0] == "plan") begin
        expect_fields(3, "plan READY LATENCY");
        dec_field(1, 31, "READY", a);
        dec_field(2, 31, "LATENCY", b);
        if (b == 0) fail("LATENCY must be at least 1");
        plan_ready.push_back(a[31:0]); plan_latency.push_back(b[31:0]);
      end else begin
        fail($sformatf("unknown line '%0s'", tok[0]));
      end
    end
  endtask

  // An '@C' line: reset, ctx, req, sfence.
  task event_line;
    reg [63:0] c, va, x;
    reg        s, m, all_va, all_asid;
    reg [1:0]  access, priv;
    reg [8*TokChars-1:0] at;
    begin
      if (tok_len[0] < 2) fail("'@' needs a cycle: '@C EVENT ...'");
      at = tok[0];                            // drop the '@'
      at[8*(tok_len[0]-1) +: 8] = 8'd0;
      tok[0] = at;
      tok_len[0] = tok_len[0] - 1;
      dec_field(0, 48, "@C", c);
      if (seen_event && c < last_cycle)
        fail($sformatf("cycle %0d after cycle %0d: '@' lines must be in cycle order", c, last_cycle));
      seen_event = 1;
      last_cycle = c;
      if (ntok < 2) fail("'@C' needs an event: reset, ctx, req or sfence");
      if (tok[1] == "reset") begin
        expect_fields(2, "@C reset");
        reset_cycle.push_back(c);
      end else if (tok[1] == "ctx") begin
        expect_fields(5, "@C ctx SATP SUM MXR");
        hex_field(2, 32, "SATP", x);
        bit_field(3, "SUM", s);
        bit_field(4, "MXR", m);
        ctx_cycle.push_back(c); ctx_value.push_back({x[31:0], s, m});
      end else if (tok[1] == "req") begin
        expect_fields(5, "@C req VA ACC PRIV");
        hex_field(2, 32, "VA", va);
        if (tok[3] == "r")      access = 2'd0;
        else if (tok[3] == "w") access = 2'd1;
        else if (tok[3] == "x") access = 2'd2;
        else fail($sformatf("ACC must be r, w or x, not '%0s'", tok[3]));
        if (tok[4] == "U")      priv = 2'd0;
        else if (tok[4] == "S") priv = 2'd1;
        else if (tok[4] == "M") priv = 2'd3;
        else fail($sformatf("PRIV must be U, S or M, not '%0s'", tok[4]));
        req_cycle.push_back(c); req_value.push_back({va[31:0], access, priv});
      end else if (tok[1] == "sfence") begin
        expect_fields(6, "@C sfence VA ASID ALLVA ALLASID");
        hex_field(2, 32, "VA", va);
        hex_field(3, 9, "ASID", x);
        bit_field(4, "ALLVA", all_va);
        bit_field(5, "ALLASID", all_asid);
        if (sfence_cycle.size() != 0 && sfence_cycle[sfence_cycle.size()-1] == c)
          fail($sformatf("a second sfence in cycle %0d: there is one sfence input per cycle", c));
        sfence_cycle.push_back(c); sfence_value.push_back({va[31:0], x[8:0], all_va, all_asid});
      end else begin
        fail($sformatf("unknown event '%0s': reset, ctx, req or sfence", tok[1]));
      end
    end
  endtask

  // ---------------------------------------------------------------- load
  // Read and check the whole file; the run starts only if it is sound.
  task load(input [8*1024-1:0] file);
    integer fd;
    reg     done, got;
    begin
      path = file;
      line_no = 0;
      seen_ad = 0; seen_cycles = 0; seen_event = 0; last_cycle = 0;
      fd = $fopen(path, "r");
      if (fd == 0) fail("cannot open the stimulus");
      done = 0;
      while (!done) begin
        read_line(fd, got);
        if (!got) begin
          done = 1;
        end else begin
          line_no = line_no + 1;
          if (line_no == 1) begin
            if (ntok == 2 && tok[0] == "pagewalk-stimulus" && tok[1] != "1")
              fail($sformatf("stimulus version %0s; this engine reads version 1", tok[1]));
            if (ntok != 2 || tok[0] != "pagewalk-stimulus")
              fail("not a stimulus: the first line must be 'pagewalk-stimulus 1'");
          end else if (ntok == 0) begin
            // blank line or comment
          end else if (tok[0][8*(tok_len[0]-1) +: 8] == "@") begin
            event_line;
          end else begin
            header_line;
          end
        end
      end
      $fclose(fd);
      if (line_no == 0) begin
        line_no = 1;
        fail("empty file: the first line must be 'pagewalk-stimulus 1'");
      end
      if (!seen_ad) fail("no 'ad svade|svadu' line");
      if (!seen_cycles) fail("no 'cycles N' line");
      if (plan_ready.size() == 0) begin   // the default plan
        plan_ready.push_back(0);
        plan_latency.push_back(1);
      end
      start;
    end
  endtask

  // ---------------------------------------------------------------- access
  function integer image_words(input dummy);
    image_words = img_addr.size();
  endfunction

  task image_word(input integer i, output [33:0] addr, output [31:0] value, output [1:0] kind);
    begin
      addr = img_addr[i]; value = img_value[i]; kind = img_kind[i];
    end
  endtask

  function integer plan_steps(input dummy);
    plan_steps = plan_ready.size();
  endfunction

  task plan_step(input integer k, output [31:0] ready, output [31:0] latency);
    begin
      ready = plan_ready[k]; latency = plan_latency[k];
    end
  endtask

  // ---------------------------------------------------------------- the run
  // The cycle of each kind's next event (NEVER when none is left), and the
  // request queue's head.
  localparam [63:0] NEVER = 64'hffff_ffff_ffff_ffff;
  reg [63:0] reset_at, ctx_at, sfence_at, req_at;

  task start;
    begin
      reset_next = 0; ctx_next = 0; sfence_next = 0; req_head = 0;
      reset_at  = reset_cycle.size()  ? reset_cycle[0]  : NEVER;
      ctx_at    = ctx_cycle.size()    ? ctx_cycle[0]    : NEVER;
      sfence_at = sfence_cycle.size() ? sfence_cycle[0] : NEVER;
      req_at    = req_cycle.size()    ? req_cycle[0]    : NEVER;
      {rst_no, satp_o, sum_o, mxr_o} = {1'b1, 34'd0};
    end
  endtask

  // Drive the stimulus of cycle c on the outputs; call once per cycle, in
  // order, after load(). The context holds its last value.
  task step(input [63:0] c);
    begin
      rst_no = 1'b1;
      while (reset_at == c) begin
        rst_no = 1'b0;
        reset_next = reset_next + 1;
        reset_at = reset_next < reset_cycle.size() ? reset_cycle[reset_next] : NEVER;
      end
      while (ctx_at == c) begin
        {satp_o, sum_o, mxr_o} = ctx_value[ctx_next];
        ctx_next = ctx_next + 1;
        ctx_at = ctx_next < ctx_cycle.size() ? ctx_cycle[ctx_next] : NEVER;
      end
      if (sfence_at == c) begin
        {sfence_vaddr_o, sfence_asid_o, sfence_all_va_o, sfence_all_asid_o} = sfence_value[sfence_next];
        sfence_valid_o = 1'b1;
        sfence_next = sfence_next + 1;
        sfence_at = sfence_next < sfence_cycle.size() ? sfence_cycle[sfence_next] : NEVER;
      end else begin
        {sfence_valid_o, sfence_vaddr_o, sfence_asid_o, sfence_all_va_o, sfence_all_asid_o} = 0;
      end
      if (req_at <= c) begin
        req_valid_o = 1'b1;
        {req_vaddr_o, req_access_o, req_priv_o} = req_value[req_head];
      end else begin
        {req_valid_o, req_vaddr_o, req_access_o, req_priv_o} = 0;
      end
    end
  endtask

  // The MMU accepted the head: the next request becomes the head.
  task accepted;
    begin
      req_head = req_head + 1;
      req_at = req_head < req_cycle.size() ? req_cycle[req_head] : NEVER;
    end
  endtask
endmodule

`default_nettype wire
