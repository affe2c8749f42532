// spi_flash_model: the iCEBreaker's SPI NOR flash as the board's boot path
// uses it (ours; facts from the W25Q128JV datasheet): SPI mode 0, the Read
// Data command (0x03, 24-bit address, data MSB first from the falling SCK
// edge after the address), and deep power-down: the flash starts powered down
// (the iCE40 sends it there after configuration) and ignores every command
// but Release Power-Down (0xAB) until WakeNs after that command ends.
//
// The image (+flash_image=FILE: one byte a line in hex) lies at
// ImageOffset; everything else reads 0xFF, as erased flash does. A command
// the flash ignores is counted in `ignored` and reported, so a testbench can
// tell a boot path that talks to a sleeping flash.
`default_nettype none
`timescale 1ns / 1ps

// A behavioural model: its edge processes share state and update it at once.
/* verilator lint_off BLKSEQ */
module spi_flash_model #(
  parameter [23:0]  ImageOffset = 24'h100000,
  parameter integer ImageBytes  = 262144,
  parameter integer WakeNs      = 3000
) (
  input  wire sck,
  input  wire cs_n,
  input  wire mosi,
  output reg  miso
);
  reg [7:0]  mem [0:ImageBytes-1];
  reg [1023:0] path;
  integer    i;

  integer    fd, got;
  reg [7:0]  value;
  initial begin
    for (i = 0; i < ImageBytes; i = i + 1) mem[i] = 8'hff;
    if ($value$plusargs("flash_image=%s", path)) begin
      fd = $fopen(path, "r");
      if (fd == 0) begin
        $display("spi_flash_model: error: cannot open %0s", path);
        $finish;
      end
      i = 0;
      got = $fscanf(fd, "%h", value);
      while (got == 1 && i < ImageBytes) begin
        mem[i] = value;
        i = i + 1;
        got = $fscanf(fd, "%h", value);
      end
      $fclose(fd);
    end
    miso = 1'b1;
  end

  reg        powered_down = 1'b1;
  realtime   wake_at = 0.0;
  reg        wake_pending = 1'b0;
  integer    ignored = 0;
  integer    reads = 0;
  integer    wakes = 0;

  reg [31:0] shift_in;
  integer    bits;
  reg        reading;        // the data phase of a read
  reg        ignoring;       // this command is ignored
  reg [23:0] addr;
  reg [7:0]  out_byte;
  integer    out_bit;

  localparam [31:0] Offset = {8'd0, ImageOffset};
  function [7:0] byte_at(input [23:0] a);
    reg [31:0] index;
    begin
      index = {8'd0, a} - Offset;
      if ({8'd0, a} >= Offset && index < ImageBytes) byte_at = mem[index[$clog2(ImageBytes)-1:0]];
      else byte_at = 8'hff;
    end
  endfunction

  always @(negedge cs_n) begin
    bits     = 0;
    reading  = 1'b0;
    ignoring = 1'b0;
    if (wake_pending && $realtime < wake_at) ignoring = 1'b1;
    else if (wake_pending) begin
      wake_pending = 1'b0;
      powered_down = 1'b0;
    end
  end

  always @(posedge cs_n) begin
    miso    = 1'b1;
    reading = 1'b0;
    if (bits >= 8 && shift_in[7:0] == 8'hab && !ignoring) begin
      wake_pending = 1'b1;
      wake_at      = $realtime + WakeNs;
      wakes        = wakes + 1;
    end
  end

  always @(posedge sck) begin
    if (!cs_n && !reading) begin
      shift_in = {shift_in[30:0], mosi};
      bits     = bits + 1;
      if (bits == 8 && (ignoring || (powered_down && shift_in[7:0] != 8'hab))) begin
        $display("spi_flash_model: command 0x%02x ignored (%s)", shift_in[7:0],
                 ignoring ? "before tRES1 has passed" : "in deep power-down");
        ignored  = ignored + 1;
        ignoring = 1'b1;
      end
      if (bits == 32 && !ignoring && shift_in[31:24] == 8'h03) begin
        addr     = shift_in[23:0];
        reading  = 1'b1;
        out_bit  = 8;   // the first bit goes out on the next falling edge
        reads    = reads + 1;
      end
    end
  end

  always @(negedge sck) begin
    if (!cs_n && reading) begin
      if (out_bit == 8) begin
        out_byte = byte_at(addr);
        addr     = addr + 24'd1;
        out_bit  = 0;
      end
      miso    = out_byte[7 - out_bit];
      out_bit = out_bit + 1;
    end
  end
endmodule
/* verilator lint_on BLKSEQ */

`default_nettype wire
