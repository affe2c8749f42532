// tb_soc: pw_soc under Icarus with its RAM initialised by $readmemh, the way
// a board build loads its firmware (RamInit). Prints the UART console and
// ends at the test finisher: "tb_soc: pass" or "tb_soc: fail N", or
// "tb_soc: timeout" after MaxCycles.
//   iverilog -g2005 -I build/gen -P tb_soc.RamInit='"prog.hex"' -s tb_soc ...
`default_nettype none
`timescale 1ns / 1ps

module tb_soc;
  parameter         RamInit   = "";
  parameter integer MaxCycles = 1000000;

  reg         clk = 1'b0;
  reg         rst_n = 1'b0;
  wire        console_valid, finish, uart_tx;
  wire [7:0]  console_byte;
  wire [15:0] finish_code;

  pw_soc #(.RamBytes(131072), .RamInit(RamInit), .SimConsole(1)) u_soc (
    .clk_i              (clk),
    .rst_ni             (rst_n),
    .uart_tx_o          (uart_tx),
    .uart_rx_i          (1'b1),
    .console_valid_o    (console_valid),
    .console_byte_o     (console_byte),
    .console_rx_valid_i (1'b0),
    .console_rx_byte_i  (8'd0),
    .finish_o           (finish),
    .finish_code_o      (finish_code)
  );

  always #5 clk = ~clk;

  integer cycles = 0;
  always @(posedge clk) begin
    cycles <= cycles + 1;
    if (cycles == 2) rst_n <= 1'b1;
    if (console_valid) $write("%c", console_byte);
    if (finish) begin
      if (finish_code == 16'd0) $display("tb_soc: pass (%0d cycles)", cycles);
      else $display("tb_soc: fail %0d", finish_code);
      $finish;
    end
    if (cycles >= MaxCycles) begin
      $display("tb_soc: timeout after %0d cycles", cycles);
      $finish;
    end
  end
endmodule
`default_nettype wire
