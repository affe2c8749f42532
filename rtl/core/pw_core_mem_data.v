// pw_core_mem_data: the data side of loads and stores on a 32-bit bus. A
// store's bytes go to their lanes with a byte-enable mask; a load's bytes
// come out of the word the bus returns and are sign- or zero-extended.
//
//   size  bytes  lanes (addr[1:0] = 0, 1, 2, 3)
//   0     1      0001, 0010, 0100, 1000
//   1     2      0011, ----, 1100, ----   (odd addresses trap before this)
//   2     4      1111
`default_nettype none

module pw_core_mem_data (
  input  wire [1:0]  size_i,        // 0 byte, 1 half, 2 word
  input  wire        unsigned_i,    // lbu, lhu
  input  wire [1:0]  addr_i,        // the address's byte offset
  input  wire [31:0] store_data_i,  // rs2
  input  wire [31:0] bus_rdata_i,   // the word the bus returned
  output wire [3:0]  lanes_o,       // the bytes accessed
  output wire [31:0] wdata_o,       // rs2's bytes in their lanes
  output wire [31:0] load_value_o   // the loaded value, extended
);
  wire [4:0]  lane_shift = {addr_i, 3'b000};
  wire [31:0] size_mask  = (size_i == 2'd0) ? 32'h000000ff :
                           (size_i == 2'd1) ? 32'h0000ffff : 32'hffffffff;
  wire [3:0]  size_strb  = (size_i == 2'd0) ? 4'b0001 :
                           (size_i == 2'd1) ? 4'b0011 : 4'b1111;

  wire [31:0] load_raw  = (bus_rdata_i >> lane_shift) & size_mask;
  wire        load_sign = !unsigned_i && ((size_i == 2'd0) ? load_raw[7] : load_raw[15]);

  assign lanes_o      = size_strb << addr_i;
  assign wdata_o      = (store_data_i & size_mask) << lane_shift;
  assign load_value_o = (size_i == 2'd2) ? load_raw : (load_raw | (load_sign ? ~size_mask : 32'd0));
endmodule
`default_nettype wire
