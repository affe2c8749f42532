// pw_soc_uart: the ns16550a subset (docs/soc.md): RBR (read, +0), THR
// (write, +0), LSR (+5: DR, THRE, TEMT); every other offset of the window
// reads 0 and ignores writes. Byte accesses only (the fabric enforces it).
//
// SimConsole = 1 (simulation): a THR write appears on console_valid_o /
// console_byte_o at once and the transmitter is always empty; received bytes
// come from console_rx_valid_i. SimConsole = 0 (boards): a one-byte holding
// register feeds an 8N1 transmitter on tx_o; rx_i feeds a receiver.
`default_nettype none
`include "pagewalk_core.vh"

module pw_soc_uart #(
  parameter integer SimConsole   = 1,
  parameter integer ClocksPerBit = 104
) (
  input  wire       clk_i,
  input  wire       rst_ni,
  // register access (in the cycle the fabric accepts it)
  input  wire       sel_i,
  input  wire       we_i,
  input  wire [7:0] off_i,
  input  wire [7:0] wdata_i,
  output reg  [7:0] rdata_o,
  // simulation console
  output wire       console_valid_o,
  output wire [7:0] console_byte_o,
  input  wire       console_rx_valid_i,
  input  wire [7:0] console_rx_byte_i,
  // serial lines
  output wire       tx_o,
  input  wire       rx_i
);
  wire write_thr = sel_i && we_i && off_i == `PW_UART_THR;
  wire read_rbr  = sel_i && !we_i && off_i == `PW_UART_RBR;

  // ---------------------------------------------------------------- transmit
  reg        thr_full_q;
  reg [7:0]  thr_q;
  wire       tx_ready;
  wire       thr_empty;
  wire       tx_empty;

  generate
    if (SimConsole != 0) begin : g_console
      assign console_valid_o = write_thr;
      assign console_byte_o  = wdata_i;
      assign tx_o            = 1'b1;
      assign tx_ready        = 1'b1;
      assign thr_empty       = 1'b1;
      assign tx_empty        = 1'b1;
      wire unused_thr = ^thr_q;   // the console takes the byte at once
    end else begin : g_serial
      pw_uart_tx #(.ClocksPerBit(ClocksPerBit)) u_tx (
        .clk_i, .rst_ni,
        .valid_i (thr_full_q),
        .ready_o (tx_ready),
        .data_i  (thr_q),
        .tx_o
      );
      assign console_valid_o = 1'b0;
      assign console_byte_o  = 8'd0;
      assign thr_empty       = !thr_full_q;
      assign tx_empty        = !thr_full_q && tx_ready;
    end
  endgenerate

  always @(posedge clk_i) begin
    if (!rst_ni) begin
      thr_full_q <= 1'b0;
      thr_q      <= 8'd0;
    end else if (write_thr && !thr_full_q) begin
      thr_full_q <= (SimConsole == 0);   // a write while full is dropped
      thr_q      <= wdata_i;
    end else if (thr_full_q && tx_ready) begin
      thr_full_q <= 1'b0;
    end
  end

  // ---------------------------------------------------------------- receive
  wire       rx_valid;
  wire [7:0] rx_byte;
  generate
    if (SimConsole != 0) begin : g_console_rx
      assign rx_valid = console_rx_valid_i;
      assign rx_byte  = console_rx_byte_i;
      wire unused_rx = rx_i;
    end else begin : g_serial_rx
      pw_uart_rx #(.ClocksPerBit(ClocksPerBit)) u_rx (
        .clk_i, .rst_ni, .rx_i, .valid_o(rx_valid), .data_o(rx_byte)
      );
      wire unused_console = console_rx_valid_i ^ (^console_rx_byte_i);
    end
  endgenerate

  reg       dr_q;     // a byte is waiting in RBR
  reg [7:0] rbr_q;
  always @(posedge clk_i) begin
    if (!rst_ni) begin
      dr_q  <= 1'b0;
      rbr_q <= 8'd0;
    end else if (rx_valid) begin
      dr_q  <= 1'b1;      // a new byte overwrites an unread one
      rbr_q <= rx_byte;
    end else if (read_rbr) begin
      dr_q  <= 1'b0;
    end
  end

  always @(*) begin
    rdata_o = 8'd0;
    if (off_i == `PW_UART_RBR) rdata_o = rbr_q;
    if (off_i == `PW_UART_LSR) begin
      rdata_o[`PW_UART_LSR_DR]   = dr_q;
      rdata_o[`PW_UART_LSR_THRE] = thr_empty;
      rdata_o[`PW_UART_LSR_TEMT] = tx_empty;
    end
  end
endmodule
`default_nettype wire
