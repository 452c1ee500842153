package org.feedlab.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.ModelVersion;
import org.feedlab.lab.engine.DirectPlatform;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.oracle.SocietyOracle;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.simulator.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `feedlab explain RUN_DIR --user U --tick T`: replays a run from its manifest (scenario and seed;
 * the direct engine gives the stream engine's bytes) up to tick T and explains user U's feed.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Replays a run from RUN_DIR/manifest.json up to tick T (direct engine, same results as"
                    + " the stream engine) and explains user U's feed at T: per item its score and"
                    + " the terms that add up to it (weight × prediction per head, outrage penalty,"
                    + " outrage cap, diversity bonus, policy adjustments), the wide and deep parts"
                    + " of each head's logit, and the wide features that moved the top head most.",
        })
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by `feedlab run`.")
    Path runDir;

    @Option(names = "--user", required = true, description = "User id.")
    int user;

    @Option(names = "--tick", required = true, description = "Tick of the feed.")
    long tick;

    @Option(names = "--top", description = "Wide features listed per item (default: 3).")
    int top = 3;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario =
                    Manifest.read(runDir).resolveScenario(runDir.resolve(Manifest.FILE).toString());
        } catch (IllegalArgumentException | ScenarioException e) {
            err.println("feedlab explain: " + e.getMessage());
            return FeedLabCommand.EXIT_USAGE;
        }
        if (tick < 0 || tick >= scenario.ticks()) {
            err.printf(
                    Locale.ROOT,
                    "feedlab explain: --tick: expected a tick in [0, %d) of this run, got %d%n",
                    scenario.ticks(),
                    tick);
            return FeedLabCommand.EXIT_USAGE;
        }
        if (user < 0 || user >= scenario.society().population().users()) {
            err.printf(
                    Locale.ROOT,
                    "feedlab explain: --user: expected a user id in [0, %d) of this run, got %d%n",
                    scenario.society().population().users(),
                    user);
            return FeedLabCommand.EXIT_USAGE;
        }
        if (top < 0) {
            err.println("feedlab explain: --top: expected an integer ≥ 0, got " + top);
            return FeedLabCommand.EXIT_USAGE;
        }
        // The platform explains this user's feeds as an audit of that one user would; an oracle
        // run replays with the oracle, which is handed the society before tick 0.
        SocietyOracle oracle = scenario.ranker().oracle() ? new SocietyOracle() : null;
        DirectPlatform platform =
                new DirectPlatform(
                        scenario.ranker(),
                        scenario.society().population().topics(),
                        scenario.seed(),
                        Audit.of(user, top),
                        oracle,
                        Workers.ONE);
        List<FeedAudit> audits = new ArrayList<>();
        List<SimulationRun.Listener> listeners = new ArrayList<>();
        if (oracle != null) {
            listeners.add(oracle);
        }
        listeners.add(t -> audits.addAll(t.tick() == tick ? t.audits() : List.of()));
        SimulationRun.run(scenario.society(), scenario.seed(), (int) tick + 1, platform, listeners);
        FeedAudit audit = audits.isEmpty() ? null : audits.get(0);
        if (audit == null) {
            err.printf(
                    Locale.ROOT,
                    "feedlab explain: user %d has no session at tick %d (users open the app at random; try another tick)%n",
                    user,
                    tick);
            return FeedLabCommand.EXIT_USAGE;
        }
        print(out, scenario, audit);
        return 0;
    }

    private void print(PrintWriter out, Scenario scenario, FeedAudit audit) {
        out.printf(
                Locale.ROOT,
                "run %s (seed %d), user %d, tick %d: %d items, model %s, objective %s%n",
                scenario.name(),
                scenario.seed(),
                user,
                tick,
                audit.items().size(),
                ModelVersion.label(audit.modelVersion()),
                audit.objective());
        int rank = 0;
        for (FeedAudit.Item item : audit.items()) {
            out.printf(
                    Locale.ROOT, "#%d post %d  score %.6f%n", rank++, item.postId(), item.score());
            // The terms add up to the score: the objective's, then the policies' adjustments.
            for (FeedAudit.Term t : item.terms()) {
                String source =
                        t.name().equals(t.kind().key())
                                ? t.name()
                                : t.kind().key() + " " + t.name();
                out.printf(Locale.ROOT, "    %+14.6f  %s%n", t.value(), source);
            }
            if (item.heads().isEmpty()) {
                out.println("    (no model scored this feed)");
                continue;
            }
            out.println("    head      weight    p        w×p        wide logit  deep logit");
            for (FeedAudit.HeadPrediction t : item.heads()) {
                out.printf(
                        Locale.ROOT,
                        "    %-8s %8.3f  %.5f  %+10.5f  %+10.4f  %+10.4f%n",
                        t.head(),
                        t.weight(),
                        t.probability(),
                        t.contribution(),
                        t.wide(),
                        t.deep());
            }
            StringBuilder wide =
                    new StringBuilder("    top wide features (" + item.topHead() + " logit):");
            for (FeedAudit.Contribution c : item.topWide()) {
                wide.append(
                        String.format(
                                Locale.ROOT, " %s=%.3g→%+.4f", c.feature(), c.value(), c.logit()));
            }
            out.println(wide);
        }
    }
}
