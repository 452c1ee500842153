package org.feedlab.lab.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.lab.engine.DirectPlatform;
import org.feedlab.lab.engine.LabLauncher;
import org.feedlab.lab.engine.Platform;
import org.feedlab.lab.engine.ServedTick;
import org.feedlab.lab.engine.SimulationRun;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.TrueSession;
import org.feedlab.simulator.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle through the platform's own serving path, on the direct engine. */
class SocietyOracleTest {
    private static final String TINY =
            """
            name: oracle
            seed: 11
            ticks: 3
            society: {users: 60, creators: 12, creator_follows_per_user: 6, day_feed_size: 12}
            ranker: {objective: %s, oracle: true, retrain_every: 0}
            """;

    @TempDir Path work;

    /**
     * Under the engagement objective every served item carries the society's true probabilities of
     * its reader at the top of the session, and its score is the Twitter weights over them: 11
     * click + 0.5 like + 1 reshare + 13.5 comment − 74 hide.
     */
    @Test
    void servedItemsCarryTheTrueProbabilitiesAndAreScoredByTheObjectivesWeights() throws Exception {
        Scenario s = ScenarioLoader.parse(TINY.formatted("engagement"), "oracle.yaml");
        SocietyOracle oracle = new SocietyOracle();
        List<double[]> checked = new ArrayList<>();
        try (DirectPlatform direct =
                new DirectPlatform(
                        s.ranker(),
                        s.society().population().topics(),
                        s.seed(),
                        Audit.none(),
                        oracle,
                        Workers.ONE)) {
            Checking platform = new Checking(direct, checked);
            SimulationRun.run(s.society(), s.seed(), 1, platform, List.of(oracle, platform));
        }
        assertTrue(checked.size() > 100, "items checked: " + checked.size());
        for (double[] c : checked) {
            assertEquals(c[0], c[1], 1e-9);
        }
    }

    @Test
    void aSmallSessionAwareOracleRunIsByteReproducibleAndRanksWithoutAModel() throws Exception {
        Scenario s = ScenarioLoader.parse(TINY.formatted("session-aware"), "oracle.yaml");
        Path first = run(s, "first");
        Path second = run(s, "second");
        byte[] metrics = Files.readAllBytes(first.resolve("metrics.csv"));
        assertArrayEquals(metrics, Files.readAllBytes(second.resolve("metrics.csv")));
        String csv = new String(metrics, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("2,model_version,all,0\n"), "no model ranks under the oracle");
        assertTrue(Manifest.read(first).scenario().path("ranker").path("oracle").asBoolean());
        // Another seed is another society.
        Path other = run(s.withSeed(12), "other");
        assertFalse(
                java.util.Arrays.equals(metrics, Files.readAllBytes(other.resolve("metrics.csv"))));
    }

    private Path run(Scenario s, String name) throws Exception {
        Path out = work.resolve(name);
        new LabLauncher(work.resolve("runs"), System.out)
                .execute(
                        new RunRequest(
                                s, out, true, List.of(), Watching.metricsOnly(0), true, "o.yaml"));
        return out;
    }

    /**
     * The direct platform, checking every served item at the moment it is served (before the
     * society reads and moves on): [expected, served] pairs of each head and of the score.
     */
    private static final class Checking implements Platform, SimulationRun.Listener {
        private final DirectPlatform delegate;
        private final List<double[]> checked;
        private Society society;

        Checking(DirectPlatform delegate, List<double[]> checked) {
            this.delegate = delegate;
            this.checked = checked;
        }

        @Override
        public void started(Society s) {
            society = s;
        }

        @Override
        public void ticked(SimulationRun.Tick tick) {}

        @Override
        public ServedTick serve(
                long tick,
                List<Post> posts,
                List<FeedRequest> requests,
                List<Impression> impressions)
                throws Exception {
            ServedTick served = delegate.serve(tick, posts, requests, impressions);
            for (Feed feed : served.feeds().values()) {
                assertEquals(ModelVersion.NONE, feed.modelVersion());
                for (FeedItem item : feed.items()) {
                    double[] truth =
                            new TrueSession(society.users()[feed.userId()], society.config())
                                    .probabilities(
                                            society.content(item.postId()),
                                            item.inNetwork(),
                                            Heads.DWELL_SECONDS);
                    double[] p = item.predictions();
                    assertEquals(truth.length, p.length);
                    for (int k = 0; k < p.length; k++) {
                        checked.add(new double[] {truth[k], p[k]});
                    }
                    double score =
                            11 * truth[0]
                                    + 0.5 * truth[1]
                                    + 1 * truth[2]
                                    + 13.5 * truth[3]
                                    - 74 * truth[4];
                    checked.add(new double[] {score, item.score()});
                }
            }
            return served;
        }

        @Override
        public Optional<IntPredicate> treated() {
            return delegate.treated();
        }

        @Override
        public List<ModelVersion> modelVersions() {
            return delegate.modelVersions();
        }

        @Override
        public String engine() {
            return delegate.engine();
        }

        @Override
        public Manifest.Pipeline pipelineFacts() {
            return delegate.pipelineFacts();
        }

        @Override
        public void close() {}
    }
}
