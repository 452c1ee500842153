package org.feedlab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.feedlab.events.JsonSerde;
import org.feedlab.ranker.model.Heads;

/**
 * One seed's held-out model comparison as {@code feedlab bench models --scores FILE} keeps it: one
 * JSON line per seed, appended when the seed is done, so that a comparison too long for one sitting
 * keeps the seeds it finished and {@code --from} prints the table of all of them later.
 *
 * @param scenario the scenario's file name
 * @param objective the objective that ordered the logged feeds
 * @param ticks ticks simulated
 * @param epochs SGD epochs of every model
 * @param seed the seed
 * @param trainingExamples examples the final models were trained on
 * @param heldOutExamples examples they were scored on
 * @param heads head names, in the order of every model's arrays
 * @param masked the heads learnt and scored only on the impressions where they were observed
 *     ({@link Heads#MASKED}); a line without it (written before it was recorded) is not one seed's
 *     scores to {@link #read}
 * @param models per model (in {@link ModelComparison#MODELS} order) its rate and per-head scores
 */
public record SeedScores(
        String scenario,
        String objective,
        int ticks,
        int epochs,
        long seed,
        int trainingExamples,
        int heldOutExamples,
        List<String> heads,
        List<String> masked,
        List<ModelScores> models) {

    /** One model's learning rate and its per-head held-out AUC and log loss (NaN: no value). */
    public record ModelScores(String model, double learningRate, double[] auc, double[] logLoss) {}

    /** This build's {@link Heads#MASKED} by name, in head order. */
    public static List<String> maskedHeads() {
        return Heads.MASKED.stream().map(Heads.names()::get).toList();
    }

    /** What every seed of one table must share: the logs' design. */
    public String design() {
        return String.format(
                "%s, %s objective, %d ticks, %d epochs", scenario, objective, ticks, epochs);
    }

    /** Appends this seed as one JSON line (the file is created if absent). */
    public void appendTo(Path file) throws IOException {
        Files.writeString(
                file,
                JsonSerde.mapper().writeValueAsString(this) + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Reads the seeds of a file written by {@link #appendTo}.
     *
     * @throws IllegalArgumentException naming the file and line of a line that is not one seed's
     *     scores, or of a seed whose heads ({@link Heads#names}), masked heads ({@link
     *     #maskedHeads}) or models are not this build's
     */
    public static List<SeedScores> read(Path file) throws IOException {
        List<String> heads = Heads.names();
        List<String> masked = maskedHeads();
        List<SeedScores> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            SeedScores s;
            try {
                s = JsonSerde.mapper().readValue(line, SeedScores.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        where + "not one seed's scores (" + e.getOriginalMessage() + ")", e);
            }
            if (!heads.equals(s.heads())) {
                throw new IllegalArgumentException(
                        where + "heads " + s.heads() + ", expected " + heads);
            }
            if (!masked.equals(s.masked())) {
                throw new IllegalArgumentException(
                        where
                                + "heads learnt only where observed "
                                + s.masked()
                                + ", this build's are "
                                + masked
                                + ": the seed's labels are not this build's");
            }
            List<String> models = new ArrayList<>();
            for (ModelScores m : s.models()) {
                models.add(m.model());
                if (m.auc().length != heads.size() || m.logLoss().length != heads.size()) {
                    throw new IllegalArgumentException(
                            where + m.model() + ": expected " + heads.size() + " heads' scores");
                }
            }
            if (!models.equals(ModelComparison.MODELS)) {
                throw new IllegalArgumentException(
                        where + "models " + models + ", expected " + ModelComparison.MODELS);
            }
            out.add(s);
        }
        return out;
    }
}
