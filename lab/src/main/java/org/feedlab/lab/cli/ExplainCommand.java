package org.feedlab.lab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.ModelVersion;
import org.feedlab.lab.engine.DirectPlatform;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.FeedExplanation;
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
                    + " the stream engine) and explains user U's feed at T: per item its score, each"
                    + " objective term (weight × prediction per head), the wide and deep parts of"
                    + " each head's logit, and the wide features that moved the top term most.",
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
            scenario = load(runDir);
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
        Explaining platform = new Explaining(scenario, user, tick, top);
        SimulationRun.run(
                scenario.society(), scenario.seed(), (int) tick + 1, platform, (t, m, s) -> {});
        if (platform.items == null) {
            err.printf(
                    Locale.ROOT,
                    "feedlab explain: user %d has no session at tick %d (users open the app at random; try another tick)%n",
                    user,
                    tick);
            return FeedLabCommand.EXIT_USAGE;
        }
        print(out, scenario, platform);
        return 0;
    }

    private void print(PrintWriter out, Scenario scenario, Explaining p) {
        out.printf(
                Locale.ROOT,
                "run %s (seed %d), user %d, tick %d: %d items, model %s, objective %s%n",
                scenario.name(),
                scenario.seed(),
                user,
                tick,
                p.items.size(),
                p.model,
                p.objective);
        int rank = 0;
        for (FeedAudit.Item item : p.items) {
            out.printf(
                    Locale.ROOT, "#%d post %d  score %.6f%n", rank++, item.postId(), item.score());
            if (item.heads().isEmpty()) {
                out.println("    (no model ranked this feed: no terms)");
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

    /** The scenario and seed a run recorded, resolved as the run resolved them. */
    static Scenario load(Path dir) throws IOException, ScenarioException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a run directory (no such directory)");
        }
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException(dir + ": not a run directory (no manifest.json)");
        }
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new IllegalArgumentException(manifest + ": not valid JSON: " + e.getMessage());
        }
        JsonNode scenario = tree.get("scenario");
        JsonNode seed = tree.get("seed");
        if (scenario == null || !scenario.isObject()) {
            throw new IllegalArgumentException(
                    manifest + ": $.scenario: expected an object, got " + scenario);
        }
        if (seed == null || !seed.isIntegralNumber()) {
            throw new IllegalArgumentException(
                    manifest + ": $.seed: expected an integer, got " + seed);
        }
        return ScenarioLoader.resolve(scenario, manifest.toString()).withSeed(seed.longValue());
    }

    /** The direct engine's platform, explaining one user's feed at one tick. */
    private static final class Explaining extends DirectPlatform {
        private final int user;
        private final long tick;
        private final int top;
        List<FeedAudit.Item> items;
        String model = "";
        String objective = "";

        Explaining(Scenario s, int user, long tick, int top) {
            super(s.ranker(), s.society().population().topics(), s.seed());
            this.user = user;
            this.tick = tick;
            this.top = top;
        }

        @Override
        protected void ranked(
                TickContext context, FeedRequest request, UserProfile profile, Feed feed) {
            if (request.tick() == tick && request.userId() == user) {
                FeedAudit audit =
                        FeedExplanation.explainFeed(ranker(), feed, profile, context, top);
                model = ModelVersion.label(audit.modelVersion());
                objective = audit.objective();
                items = audit.items();
            }
        }
    }
}
