// tb_uart: pw_soc_uart with its serial transmitter looped back into its
// receiver (the board configuration, SimConsole = 0). For each byte: THRE
// must be 1 before the write and 0 right after it; TEMT must fall and
// return; DR must rise when the byte has come back; RBR must hold it and DR
// fall after the read. Prints "tb_uart: N passed, M failed".
`default_nettype none
`timescale 1ns / 1ps
`include "pagewalk_core.vh"

module tb_uart;
  localparam integer ClocksPerBit = 8;
  localparam integer FrameCycles  = 10 * ClocksPerBit;

  reg        clk = 1'b0;
  reg        rst_n = 1'b0;
  reg        sel = 1'b0, we = 1'b0;
  reg  [7:0] off = 8'd0, wdata = 8'd0;
  wire [7:0] rdata;
  wire       line;
  wire       unused_console_valid;
  wire [7:0] unused_console_byte;

  pw_soc_uart #(.SimConsole(0), .ClocksPerBit(ClocksPerBit)) u_uart (
    .clk_i (clk), .rst_ni (rst_n),
    .sel_i (sel), .we_i (we), .off_i (off), .wdata_i (wdata), .rdata_o (rdata),
    .console_valid_o (unused_console_valid), .console_byte_o (unused_console_byte),
    .console_rx_valid_i (1'b0), .console_rx_byte_i (8'd0),
    .tx_o (line), .rx_i (line)
  );

  always #5 clk = ~clk;

  integer passed = 0, failed = 0;
  task check(input cond, input [8*40-1:0] what, input [7:0] b);
    begin
      if (cond) passed = passed + 1;
      else begin failed = failed + 1; $display("FAIL byte %02x: %0s", b, what); end
    end
  endtask

  // Read a register: rdata is combinational in the accepting cycle.
  task read(input [7:0] o, output [7:0] v);
    begin
      @(negedge clk); sel = 1'b1; we = 1'b0; off = o;
      #1 v = rdata;
      @(negedge clk); sel = 1'b0;
    end
  endtask
  task write(input [7:0] o, input [7:0] v);
    begin
      @(negedge clk); sel = 1'b1; we = 1'b1; off = o; wdata = v;
      @(negedge clk); sel = 1'b0; we = 1'b0;
    end
  endtask

  reg [7:0] lsr, rbr, b;
  integer i, waited;
  initial begin
    repeat (3) @(posedge clk);
    rst_n = 1'b1;
    for (i = 0; i < 6; i = i + 1) begin
      b = (i == 0) ? 8'h55 : (i == 1) ? 8'h00 : (i == 2) ? 8'hff : 8'h30 + i * 8'h11;
      read(`PW_UART_LSR, lsr);
      check(lsr[`PW_UART_LSR_THRE] && lsr[`PW_UART_LSR_TEMT] && !lsr[`PW_UART_LSR_DR], "idle: THRE, TEMT, no DR", b);
      write(`PW_UART_THR, b);
      read(`PW_UART_LSR, lsr);
      check(!lsr[`PW_UART_LSR_TEMT], "sending: TEMT clear", b);
      waited = 0;
      lsr = 8'd0;
      while (!lsr[`PW_UART_LSR_DR] && waited < 4 * FrameCycles) begin
        read(`PW_UART_LSR, lsr);
        waited = waited + 2;
      end
      check(lsr[`PW_UART_LSR_DR], "DR within a frame time", b);
      read(`PW_UART_RBR, rbr);
      check(rbr == b, "RBR holds the byte sent", b);
      read(`PW_UART_LSR, lsr);
      check(!lsr[`PW_UART_LSR_DR], "DR clear after reading RBR", b);
      read(8'd1, rbr);
      check(rbr == 8'd0, "offset 1 reads 0", b);
      repeat (2 * ClocksPerBit) @(posedge clk);
    end
    $display("tb_uart: %0d passed, %0d failed", passed, failed);
    $finish;
  end
endmodule
`default_nettype wire
