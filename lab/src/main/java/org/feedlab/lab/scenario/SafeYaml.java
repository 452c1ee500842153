package org.feedlab.lab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML as plain data only, because a scenario file may come from anyone.
 *
 * <p>Safety comes from three choices. First, the text is read into a Jackson tree ({@link
 * JsonNode}) with SnakeYAML used only as a parser (events, never its object constructor), so no tag
 * in the file can make the loader instantiate a class. Second, explicit tags, aliases and anchors
 * on mappings or lists are refused outright: Jackson would otherwise read an alias as the anchor's
 * name, and a scenario has no need for either. (The parser does not report an anchor on a plain
 * scalar; such an anchor is inert, since only an alias could use it, and aliases are refused.)
 * Third, size, nesting and duplicate keys are bounded or refused.
 */
public final class SafeYaml {

    /** Scenario files are a few hundred bytes; anything near this is not a scenario. */
    static final int MAX_CODE_POINTS = 1 << 20;

    private static final YAMLMapper MAPPER = createMapper();

    private SafeYaml() {}

    private static YAMLMapper createMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(16);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        return YAMLMapper.builder(factory)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Parses {@code yaml} into a tree of plain data.
     *
     * @return the document's root node, or {@code null} for a file with no document
     * @throws ScenarioException naming the line and column of a syntax error, tag, anchor or alias
     */
    public static JsonNode read(String yaml, String sourceName) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        try {
            checkPlainData(yaml, problems);
            if (!problems.isEmpty()) {
                throw new ScenarioException(sourceName, problems);
            }
            JsonNode tree = MAPPER.readTree(yaml);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JsonProcessingException e) {
            throw new ScenarioException(sourceName, List.of(syntaxProblem(e)));
        } catch (IOException e) {
            // Reading from a String cannot fail on I/O; anything here is a parser failure.
            throw new ScenarioException(
                    sourceName, List.of(new Problem("$", "valid YAML", e.getMessage())));
        } catch (RuntimeException e) {
            // SnakeYAML signals limits (size, depth) with unchecked YAMLException.
            throw new ScenarioException(
                    sourceName, List.of(new Problem("$", "valid YAML", e.getMessage())));
        }
    }

    /** Walks the token stream once, recording every tag, anchor and alias and extra documents. */
    private static void checkPlainData(String yaml, List<Problem> problems) throws IOException {
        try (YAMLParser parser = (YAMLParser) MAPPER.createParser(yaml)) {
            int depth = 0;
            int documents = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (depth == 0 && !token.isStructEnd()) {
                    documents++;
                    if (documents == 2) {
                        problems.add(
                                new Problem(
                                        at(parser.currentTokenLocation()),
                                        "a single YAML document",
                                        "a second document"));
                    }
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (parser.isCurrentAlias()) {
                    problems.add(
                            new Problem(
                                    at(parser.currentTokenLocation()),
                                    "plain data (no YAML aliases)",
                                    "alias *" + parser.getText()));
                }
                String anchor = parser.getCurrentAnchor();
                if (anchor != null && token != JsonToken.FIELD_NAME && !token.isStructEnd()) {
                    problems.add(
                            new Problem(
                                    at(parser.currentTokenLocation()),
                                    "plain data (no YAML anchors)",
                                    "anchor &" + anchor));
                }
                String tag = token == JsonToken.FIELD_NAME ? null : parser.getTypeId();
                if (tag != null && !token.isStructEnd()) {
                    problems.add(
                            new Problem(
                                    at(parser.currentTokenLocation()),
                                    "plain data (no YAML tags)",
                                    "tag " + shortTag(tag)));
                }
            }
        }
    }

    /** Writes a standard tag the way it appears in a file ({@code !!seq}). */
    private static String shortTag(String tag) {
        String standard = "tag:yaml.org,2002:";
        return tag.startsWith(standard) ? "!!" + tag.substring(standard.length()) : "!" + tag;
    }

    private static Problem syntaxProblem(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark mark = marked.getProblemMark();
                String problem = marked.getProblem();
                if (marked.getContext() != null) {
                    problem = problem + " (" + marked.getContext() + ")";
                }
                return new Problem(
                        "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1),
                        "valid YAML",
                        problem);
            }
        }
        return new Problem(at(e.getLocation()), "valid YAML", e.getOriginalMessage());
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "$";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
