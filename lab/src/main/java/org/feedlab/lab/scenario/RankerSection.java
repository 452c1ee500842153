package org.feedlab.lab.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.feedlab.ranker.ModelConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TrainingConfig;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.feedlab.ranker.policy.FeedPolicy;
import org.feedlab.ranker.policy.Policies;
import org.feedlab.ranker.policy.PolicyException;

/**
 * The scenario file's {@code ranker} section: flat snake_case keys, each one read into and written
 * from one field of the grouped {@link RankerConfig}. Registered on the loader's mapper, so the
 * section merges over the defaults and reads back like any other record. The policies are parsed
 * here, once, into {@link FeedPolicy} records ({@link Policies#parse}); their resolved form lists
 * every parameter, defaults included.
 */
final class RankerSection {
    private RankerSection() {}

    /** Turns a policy record back into its scenario mapping (snake_case record components). */
    private static final ObjectMapper POLICY_WRITER =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build();

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    /**
     * One scenario key: its value type in the file, how it sets the config, how it reads it back.
     */
    private record Key<T>(
            String name,
            JavaType type,
            BiFunction<RankerConfig, T, RankerConfig> set,
            Function<RankerConfig, T> get) {

        static <T> Key<T> of(
                String name,
                Class<T> type,
                BiFunction<RankerConfig, T, RankerConfig> set,
                Function<RankerConfig, T> get) {
            return new Key<>(name, TYPES.constructType(type), set, get);
        }

        static <T> Key<T> of(
                String name,
                TypeReference<T> type,
                BiFunction<RankerConfig, T, RankerConfig> set,
                Function<RankerConfig, T> get) {
            return new Key<>(name, TYPES.constructType(type), set, get);
        }

        RankerConfig read(RankerConfig config, JsonNode value, DeserializationContext ctxt)
                throws IOException {
            T v = ctxt.readTreeAsValue(value, type);
            return set.apply(config, v);
        }
    }

    /** Every key of the section, in the order the resolved scenario lists them. */
    private static final List<Key<?>> KEYS =
            List.of(
                    Key.of(
                            "objective",
                            String.class,
                            (c, v) -> c.withObjective(c.objective().withName(v)),
                            c -> c.objective().name()),
                    Key.of(
                            "retrain_every",
                            Integer.class,
                            (c, v) -> c.withTraining(c.training().withRetrainEvery(v)),
                            c -> c.training().retrainEvery()),
                    Key.of(
                            "bootstrap_ticks",
                            Integer.class,
                            (c, v) -> c.withTraining(c.training().withBootstrapTicks(v)),
                            c -> c.training().bootstrapTicks()),
                    Key.of(
                            "window_ticks",
                            Integer.class,
                            (c, v) -> c.withTraining(c.training().withWindowTicks(v)),
                            c -> c.training().windowTicks()),
                    Key.of(
                            "in_network_candidates",
                            Integer.class,
                            (c, v) -> c.withRetrieval(c.retrieval().withInNetworkCandidates(v)),
                            c -> c.retrieval().inNetworkCandidates()),
                    Key.of(
                            "popular_candidates",
                            Integer.class,
                            (c, v) -> c.withRetrieval(c.retrieval().withPopularCandidates(v)),
                            c -> c.retrieval().popularCandidates()),
                    Key.of(
                            "max_age_ticks",
                            Integer.class,
                            (c, v) -> c.withRetrieval(c.retrieval().withMaxAgeTicks(v)),
                            c -> c.retrieval().maxAgeTicks()),
                    Key.of(
                            "epochs",
                            Integer.class,
                            (c, v) -> c.withTraining(c.training().withEpochs(v)),
                            c -> c.training().epochs()),
                    Key.of(
                            "learning_rate",
                            Double.class,
                            (c, v) -> c.withTraining(c.training().withLearningRate(v)),
                            c -> c.training().learningRate()),
                    Key.of(
                            "objective_terms",
                            ObjectiveTerms.class,
                            (c, v) -> c.withObjective(c.objective().withTerms(v)),
                            c -> c.objective().terms()),
                    Key.of(
                            "policies",
                            new TypeReference<List<Map<String, Object>>>() {},
                            (c, v) -> c.withPolicies(parse(v)),
                            c -> specs(c.policies())),
                    Key.of(
                            "model",
                            String.class,
                            (c, v) -> c.withModel(c.model().withKind(ModelConfig.Kind.of(v))),
                            c -> c.model().kind().key()),
                    Key.of(
                            "embedding_dim",
                            Integer.class,
                            (c, v) -> c.withModel(c.model().withEmbeddingDim(v)),
                            c -> c.model().embeddingDim()),
                    Key.of(
                            "hidden_sizes",
                            new TypeReference<List<Integer>>() {},
                            (c, v) -> c.withModel(c.model().withHiddenSizes(v)),
                            c -> c.model().hiddenSizes()),
                    Key.of(
                            "minibatch_size",
                            Integer.class,
                            (c, v) -> c.withTraining(c.training().withMinibatchSize(v)),
                            c -> c.training().minibatchSize()),
                    Key.of(
                            "withheld_feature_groups",
                            new TypeReference<List<String>>() {},
                            (c, v) -> c.withModel(c.model().withWithheldFeatureGroups(v)),
                            c -> c.model().withheldFeatureGroups()),
                    Key.of(
                            "max_training_examples",
                            Integer.class,
                            (c, v) -> c.withTraining(c.training().withMaxTrainingExamples(v)),
                            c -> c.training().maxTrainingExamples()),
                    Key.of(
                            "training_mode",
                            String.class,
                            (c, v) ->
                                    c.withTraining(
                                            c.training().withMode(TrainingConfig.Mode.of(v))),
                            c -> c.training().mode().key()),
                    Key.of(
                            "oracle",
                            Boolean.class,
                            RankerConfig::withOracle,
                            RankerConfig::oracle));

    /** The section's keys, in the order the resolved scenario lists them. */
    static List<String> keys() {
        return KEYS.stream().map(Key::name).toList();
    }

    /** The serializer and deserializer of {@link RankerConfig}, for the loader's mapper. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("scenario-ranker-section");
        module.addSerializer(RankerConfig.class, new Writer());
        module.addDeserializer(RankerConfig.class, new Reader());
        return module;
    }

    private static List<FeedPolicy> parse(List<Map<String, Object>> specs) {
        List<FeedPolicy> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            out.add(Policies.parse(specs.get(i), "$.ranker.policies[" + i + "]"));
        }
        return out;
    }

    private static List<Map<String, Object>> specs(List<FeedPolicy> policies) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FeedPolicy p : policies) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", p.type());
            spec.putAll(POLICY_WRITER.convertValue(p, new TypeReference<Map<String, Object>>() {}));
            out.add(spec);
        }
        return out;
    }

    /** Every key of the config, in section order. */
    private static final class Writer extends JsonSerializer<RankerConfig> {
        @Override
        public void serialize(RankerConfig config, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject();
            for (Key<?> key : KEYS) {
                gen.writeFieldName(key.name());
                provider.defaultSerializeValue(key.get().apply(config), gen);
            }
            gen.writeEndObject();
        }
    }

    /**
     * The defaults with each key of the section applied. A value the config cannot hold (a policy
     * the ranker cannot honour, an unknown name) is reported at its key's path.
     */
    private static final class Reader extends JsonDeserializer<RankerConfig> {
        private static final Map<String, Key<?>> BY_NAME = new LinkedHashMap<>();

        static {
            KEYS.forEach(k -> BY_NAME.put(k.name(), k));
        }

        @Override
        public RankerConfig deserialize(JsonParser p, DeserializationContext ctxt)
                throws IOException {
            JsonNode section = ctxt.readTree(p);
            RankerConfig config = RankerConfig.DEFAULTS;
            for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Key<?> key = BY_NAME.get(name);
                if (key == null) {
                    throw UnrecognizedPropertyException.from(
                            p, RankerConfig.class, name, new ArrayList<>(BY_NAME.keySet()));
                }
                try {
                    config = key.read(config, section.get(name), ctxt);
                } catch (PolicyException e) {
                    throw JsonMappingException.from(p, e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.wrapWithPath(
                            JsonMappingException.from(p, e.getMessage(), e),
                            RankerConfig.class,
                            name);
                } catch (JsonMappingException e) {
                    throw JsonMappingException.wrapWithPath(e, RankerConfig.class, name);
                }
            }
            return config;
        }
    }
}
