// sparse_mem: the walker's memory for the Icarus testbench: 32-bit words
// anywhere in the 34-bit physical space, in an open-addressing hash table
// (linear probing, Fibonacci hashing of the word address), each word with a
// bus-error flag (reads and writes) and a write-error flag (writes only).
// Words never set read 0. Not synthesizable: simulation only.
//
// init() sizes the table for the image; a write to a new word adds it.
`default_nettype none

module sparse_mem;
  localparam [31:0] STDERR = 32'h8000_0002;

  bit [33:0] slot_addr[];
  bit [31:0] slot_value[];
  bit [0:0]  slot_used[];
  bit [0:0]  slot_err[];     // reads and writes err
  bit [0:0]  slot_werr[];    // writes err
  integer    bits;           // the table has 2^bits slots
  integer    used;

  // An empty table for about `words` words, at most half full.
  task init(input integer words);
    begin
      bits = 10;
      while ((1 << bits) < 2 * words + 1024) bits = bits + 1;
      slot_addr  = new[1 << bits];
      slot_value = new[1 << bits];
      slot_used  = new[1 << bits];
      slot_err   = new[1 << bits];
      slot_werr  = new[1 << bits];
      used = 0;
    end
  endtask

  // The slot holding addr, or the free slot where it would go.
  function integer find(input [33:0] addr);
    reg [31:0] h;
    integer    i;
    begin
      h = addr[33:2] * 32'h9e3779b1;
      i = h >> (32 - bits);
      while (slot_used[i] && slot_addr[i] != addr)
        i = (i + 1) & ((1 << bits) - 1);
      find = i;
    end
  endfunction

  // The slot for addr, created when missing.
  function integer claim(input [33:0] addr);
    integer i;
    begin
      i = find(addr);
      if (!slot_used[i]) begin
        if (4 * (used + 1) > 3 * (1 << bits)) begin
          $fdisplay(STDERR, "sparse_mem: error: table full (%0d words)", used);
          $fatal(0, "tb_mmu: stopped");
        end
        slot_addr[i]  = addr;
        slot_value[i] = 0;
        slot_used[i]  = 1'b1;
        used = used + 1;
      end
      claim = i;
    end
  endfunction

  // Image lines. Of the m and e lines of one word the last decides (an e
  // makes it read 0 and err); a w line adds a write error to either. (This
  // follows cmodel/memory.c, the memory of the other two engines.)
  task set_word(input [33:0] addr, input [31:0] value);
    integer i;
    begin
      i = claim(addr);
      slot_value[i] = value;
      slot_err[i] = 1'b0;
    end
  endtask

  task set_error(input [33:0] addr);
    integer i;
    begin
      i = claim(addr);
      slot_value[i] = 32'd0;
      slot_err[i] = 1'b1;
    end
  endtask

  task set_write_error(input [33:0] addr);
    integer i;
    begin
      i = claim(addr);
      slot_werr[i] = 1'b1;
    end
  endtask

  // A read: the word, or err (and 0) on a bus error.
  task read(input [33:0] addr, output [31:0] value, output err);
    integer i;
    begin
      i = find(addr);
      err   = slot_used[i] && slot_err[i];
      value = (slot_used[i] && !err) ? slot_value[i] : 32'd0;
    end
  endtask

  // A write: stores value unless the word errs on writes (err).
  task write(input [33:0] addr, input [31:0] value, output err);
    integer i;
    begin
      i = find(addr);
      err = slot_used[i] && (slot_err[i] || slot_werr[i]);
      if (!err) slot_value[claim(addr)] = value;
    end
  endtask
endmodule

`default_nettype wire
