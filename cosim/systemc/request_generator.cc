// Seeded random traffic for the MMU's TLM face.
#include "request_generator.h"

namespace pwsc {

RequestGenerator::RequestGenerator(sc_core::sc_module_name name, TransactionWorld &world, Scoreboard &scoreboard,
                                   const GeneratorConfig &config)
    : sc_core::sc_module(name), rst_n("rst_n"), socket("socket"), world_(world), scoreboard_(scoreboard),
      config_(config), rng_(config.seed ^ 0x67656e6572617465ull)  // "generate": a stream of its own
{
    // Each seed picks its own rates, so seeds differ in character as well as detail.
    change_per_mille_ = 2 + rng_.below(30);
    sfence_per_mille_ = 2 + rng_.below(20);
    switch_per_mille_ = 5 + rng_.below(30);
    delay_percent_ = rng_.below(20);
    SC_HAS_PROCESS(RequestGenerator);
    SC_THREAD(run);
}

sc_core::sc_time RequestGenerator::next_delay()
{
    if (!rng_.percent(delay_percent_))
        return sc_core::SC_ZERO_TIME;
    return config_.clock_period * (rng_.below(40) / 10.0);  // up to four cycles, off the edges too
}

void RequestGenerator::translate(const Request &request)
{
    tlm::tlm_generic_payload tx;
    TranslationExtension ext;
    ext.op = TranslationExtension::Op::Translate;
    ext.access = request.access;
    ext.priv = request.priv;
    ext.context = request.context;
    tx.set_command(ext.command());
    tx.set_address(request.va);
    tx.set_data_length(0);
    tx.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    tx.set_extension(&ext);
    sc_core::sc_time delay = next_delay();
    socket->b_transport(tx, delay);
    tx.clear_extension(&ext);
    stats_.translations++;
    stats_.walks += ext.walked;
    stats_.cycles_in_translations += ext.cycles;
    scoreboard_.check_transaction(tx, ext);
    world_.remember(request, ext.outcome);
}

void RequestGenerator::sfence(const Sfence &f)
{
    tlm::tlm_generic_payload tx;
    TranslationExtension ext;
    ext.op = TranslationExtension::Op::Sfence;
    ext.sfence_asid = f.asid;
    ext.sfence_all_va = f.all_va;
    ext.sfence_all_asid = f.all_asid;
    tx.set_command(ext.command());
    tx.set_address(f.va);
    tx.set_data_length(0);
    tx.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    tx.set_extension(&ext);
    sc_core::sc_time delay = next_delay();
    socket->b_transport(tx, delay);
    tx.clear_extension(&ext);
    if (tx.get_response_status() != tlm::TLM_OK_RESPONSE)
        SC_REPORT_ERROR("/pagewalk/RequestGenerator", ("the MMU refused " + describe(f)).c_str());
    stats_.sfences++;
}

void RequestGenerator::expect_refusals()
{
    tlm::tlm_generic_payload tx;
    tx.set_command(tlm::TLM_READ_COMMAND);
    tx.set_address(0x1000);
    tx.set_data_length(0);
    tx.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    socket->b_transport(tx, delay);
    bool bare_refused = tx.get_response_status() == tlm::TLM_COMMAND_ERROR_RESPONSE;

    TranslationExtension ext;
    ext.access = Access::Store;  // a store must come as TLM_WRITE_COMMAND
    tx.set_extension(&ext);
    tx.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    socket->b_transport(tx, delay);
    tx.clear_extension(&ext);
    bool contradiction_refused = tx.get_response_status() == tlm::TLM_COMMAND_ERROR_RESPONSE;
    if (!bare_refused || !contradiction_refused)
        SC_REPORT_ERROR("/pagewalk/RequestGenerator", "the MMU's TLM socket accepted a malformed transaction");
}

void RequestGenerator::run()
{
    while (!rst_n.read())
        wait(rst_n.posedge_event());
    expect_refusals();
    while (stats_.translations < config_.translations) {
        unsigned roll = rng_.below(1000);
        if (roll < change_per_mille_) {
            // The MMU is idle between blocking transactions; one delta more lets
            // every monitor of the last response see memory as it was.
            wait(sc_core::SC_ZERO_TIME);
            for (const Sfence &f : world_.change_tables())
                sfence(f);
            stats_.table_changes++;
        } else if (roll < change_per_mille_ + sfence_per_mille_) {
            sfence(world_.random_sfence());
        } else if (roll < change_per_mille_ + sfence_per_mille_ + switch_per_mille_) {
            world_.switch_context();
            stats_.context_switches++;
        } else {
            translate(world_.next_request());
        }
    }
    // Let the scoreboard see the last response's edge, then end the run.
    wait(sc_core::SC_ZERO_TIME);
    sc_core::sc_stop();
}

}  // namespace pwsc
