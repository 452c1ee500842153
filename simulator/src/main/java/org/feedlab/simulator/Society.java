package org.feedlab.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.events.Seeds;

/**
 * The synthetic society and its story for one tick, in the order a reader can follow:
 *
 * <ol>
 *   <li>{@link #beginTick}: anger decays;
 *   <li>{@link #publish}: creators post;
 *   <li>{@link #openSessions}: some users open the app and ask for a feed;
 *   <li>(the platform ranks the feeds);
 *   <li>{@link #read}: users read in id order, engage, get angry, change their minds.
 * </ol>
 *
 * <p>Every draw comes from {@link Seeds#derive} with (run seed, entity, tick, purpose).
 */
public final class Society {
    private final SocietyConfig config;
    private final long seed;
    private final User[] users;
    private final Creator[] creators;
    private final Map<Long, Content> content = new HashMap<>();
    private long nextPostId = 1;

    private Society(SocietyConfig config, long seed, User[] users, Creator[] creators) {
        this.config = config;
        this.seed = seed;
        this.users = users;
        this.creators = creators;
    }

    /** Builds the population and the follow graph. */
    public static Society create(SocietyConfig config, long seed) {
        Creator[] creators = new Creator[config.creators()];
        for (int c = 0; c < creators.length; c++) {
            SplittableRandom r = Seeds.derive(seed, c, -1, "creator");
            int camp = r.nextBoolean() ? 1 : -1;
            double x = clamp(camp * 0.5 + config.ideologySpread() * Seeds.gaussian(r), -1, 1);
            double outrage = clamp(config.creatorOutrage() + 0.25 * Seeds.gaussian(r), 0, 1);
            double quality = 0.2 + 0.7 * r.nextDouble();
            creators[c] = new Creator(c, x, r.nextInt(config.topics()), quality, outrage);
        }
        User[] users = new User[config.users()];
        for (int i = 0; i < users.length; i++) {
            SplittableRandom r = Seeds.derive(seed, i, -1, "user");
            int camp = r.nextBoolean() ? 1 : -1;
            double x = clamp(camp * 0.35 + config.ideologySpread() * Seeds.gaussian(r), -1, 1);
            double[] interest = new double[config.topics()];
            for (int k = 0; k < interest.length; k++) {
                interest[k] = 0.6 * r.nextDouble();
            }
            interest[r.nextInt(config.topics())] = 1.0;
            double activity = clamp(config.activity() * (0.5 + r.nextDouble()), 0.02, 1.0);
            double appetite = config.outrageAppetite() * Math.exp(0.5 * Seeds.gaussian(r) - 0.125);
            double tolerance = config.angerTolerance() * Math.exp(0.3 * Seeds.gaussian(r));
            double thermometer = clamp(50 - 25 * Math.abs(x) + 8 * Seeds.gaussian(r), 0, 100);
            users[i] = new User(i, x, interest, activity, appetite, tolerance, thermometer);
        }
        Society society = new Society(config, seed, users, creators);
        society.buildFollowGraph();
        return society;
    }

    /**
     * Each user, in id order, follows {@code followsPerUser} creators drawn without replacement
     * with weight exp(−h·|x_u − x_c|) · (0.5 + interest in the creator's topic) · √(1 + followers):
     * homophily plus softened preferential attachment.
     */
    private void buildFollowGraph() {
        int[] followers = new int[creators.length];
        int f = Math.min(config.followsPerUser(), creators.length);
        double[] w = new double[creators.length];
        for (User u : users) {
            SplittableRandom r = Seeds.derive(seed, u.id, -1, "follow");
            for (Creator c : creators) {
                w[c.id()] =
                        Math.exp(-config.homophily() * Math.abs(u.ideology - c.ideology()))
                                * (0.5 + u.topicInterest[c.topic()])
                                * Math.sqrt(1.0 + followers[c.id()]);
            }
            int[] chosen = new int[f];
            for (int k = 0; k < f; k++) {
                double total = 0;
                for (double v : w) {
                    total += v;
                }
                double pick = r.nextDouble() * total;
                int c = 0;
                while (c < w.length - 1 && (pick -= w[c]) > 0) {
                    c++;
                }
                while (w[c] == 0) {
                    c = (c + 1) % w.length;
                }
                chosen[k] = c;
                w[c] = 0;
            }
            Arrays.sort(chosen);
            u.following = chosen;
            for (int c : chosen) {
                followers[c]++;
            }
        }
    }

    /** Step 1: anger decays between ticks. */
    public void beginTick(long tick) {
        for (User u : users) {
            u.anger *= config.angerDecay();
        }
    }

    /** Step 2: creators publish; returns the truth of the new posts, ascending by id. */
    public List<Content> publish(long tick) {
        List<Content> posts = new ArrayList<>();
        for (Creator c : creators) {
            SplittableRandom r = Seeds.derive(seed, c.id(), tick, "post");
            if (r.nextDouble() >= config.postRate()) {
                continue;
            }
            int topic = r.nextDouble() < 0.7 ? c.topic() : r.nextInt(config.topics());
            double stance = clamp(c.ideology() + 0.15 * Seeds.gaussian(r), -1, 1);
            double outrage = clamp(c.outragePropensity() + 0.15 * Seeds.gaussian(r), 0, 1);
            double animosity = outrage * (0.4 + 0.6 * Math.abs(stance));
            double quality = clamp(c.quality() + 0.1 * Seeds.gaussian(r), 0, 1);
            Content post =
                    new Content(nextPostId++, c.id(), tick, topic, stance, outrage, animosity, quality);
            content.put(post.postId(), post);
            posts.add(post);
        }
        return posts;
    }

    /** What the platform sees of a post: its outrage only through a noisy classifier. */
    public Post observe(Content c) {
        SplittableRandom r = Seeds.derive(seed, c.postId(), c.tick(), "classifier");
        double score = clamp(c.outrage() + config.classifierNoise() * Seeds.gaussian(r), 0, 1);
        return Post.of(c.postId(), c.authorId(), c.tick(), c.topic(), c.stance(), score, -1);
    }

    /** Step 3: users who open the app this tick, each with a feed request, by user id. */
    public List<FeedRequest> openSessions(long tick) {
        List<FeedRequest> requests = new ArrayList<>();
        for (User u : users) {
            SplittableRandom r = Seeds.derive(seed, u.id, tick, "open");
            if (r.nextDouble() < u.activity) {
                requests.add(
                        FeedRequest.of(requestId(tick, u.id), u.id, tick, u.following.clone(), config.feedSize()));
            }
        }
        return requests;
    }

    /** Request ids are derived from (tick, user) so reruns give equal ids. */
    public static long requestId(long tick, int userId) {
        return tick * 1_000_000_000L + userId;
    }

    /**
     * Step 5: every user with a feed reads it, in user id order, whatever order the feeds
     * arrived in.
     */
    public TickReadout read(long tick, Map<Integer, Feed> feedsByUser, List<Content> newPosts) {
        List<Integer> readers = new ArrayList<>(feedsByUser.keySet());
        readers.sort(Integer::compare);
        List<Impression> impressions = new ArrayList<>();
        List<Exposure> exposures = new ArrayList<>();
        int angerExits = 0;
        String version = "none";
        double[] p = new double[Action.values().length];
        for (int id : readers) {
            User u = users[id];
            Feed feed = feedsByUser.get(id);
            version = feed.modelVersion();
            SplittableRandom r = Seeds.derive(seed, id, tick, "read");
            List<FeedItem> items = feed.items();
            for (int pos = 0; pos < items.size(); pos++) {
                FeedItem item = items.get(pos);
                Content c = content.get(item.postId());
                if (c == null) {
                    throw new IllegalStateException("feed names unknown post " + item.postId());
                }
                Behaviour.engagementProbabilities(u, c, config, p);
                int actions = 0;
                for (Action a : Action.values()) {
                    if (r.nextDouble() < p[a.ordinal()]) {
                        actions = Impression.with(actions, a);
                    }
                }
                impressions.add(
                        Impression.of(feed.requestId(), id, c.postId(), tick, pos, feed.modelVersion(), actions));
                double predicted =
                        item.predictions().length > 0 ? item.predictions()[Action.CLICK.ordinal()] : Double.NaN;
                exposures.add(new Exposure(id, c, Behaviour.outgroup(u, c), actions, predicted));
                double interest = Behaviour.interest(u, c);
                u.anger += Behaviour.angerIncrement(u, c, config);
                // Thermometer first: both updates judge the item from the side the user was on
                // when reading it.
                u.thermometer = Behaviour.thermometerAfter(u, c, config);
                u.ideology = Behaviour.opinionAfter(u, c, config);
                if (u.anger > u.angerTolerance) {
                    angerExits++;
                    break;
                }
                boolean engaged = (actions & ~Impression.with(0, Action.HIDE)) != 0;
                if (r.nextDouble() >= Behaviour.continueProbability(interest, pos, engaged)) {
                    break;
                }
            }
        }
        return new TickReadout(tick, readers.size(), angerExits, impressions, exposures, newPosts, version);
    }

    public User[] users() {
        return users;
    }

    public Creator[] creators() {
        return creators;
    }

    public SocietyConfig config() {
        return config;
    }

    /** Forgets post truths older than a tick (no feed can hold them any more). */
    public void forgetPostsBefore(long tick) {
        content.values().removeIf(c -> c.tick() < tick);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
