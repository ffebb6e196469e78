package dev.llmgen.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The models llmgen knows, with their prices, context windows and tokenizers. The bundled table
 * ({@link #bundled()}) covers current OpenAI and Anthropic models; users add or override entries with
 * their own CSV file in the same columns ({@link #parse}) merged through {@link #with}.
 *
 * <p>Lookups accept dated snapshots and aliases of a catalogued model ({@code gpt-4o-2024-08-06},
 * {@code gpt-3.5-turbo-0125}, {@code claude-sonnet-4-20250514}, {@code claude-sonnet-4-0},
 * {@code claude-3-5-haiku-latest}) and
 * price them as the model they name.
 */
public final class ModelCatalog {

  static final String BUNDLED_RESOURCE = "models.csv";
  private static final String HEADER =
      "model,provider,input,cached_input,cache_write,output,context_window,tokenizer";
  private static final Pattern SNAPSHOT_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{4}|latest|0)$");

  private final Map<String, ModelEntry> entries;

  private ModelCatalog(Map<String, ModelEntry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** The table shipped with llmgen. */
  public static ModelCatalog bundled() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled model catalog " + BUNDLED_RESOURCE + " is missing");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled " + BUNDLED_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled model catalog", e);
    }
  }

  /**
   * Reads a catalog in the CSV format of the bundled one: a header line
   * {@value #HEADER}, then one model per line; blank lines and lines starting with {@code #} are
   * skipped.
   *
   * @param source names the input in error messages, e.g. a file path
   * @throws IllegalArgumentException naming the line, when a line is malformed
   */
  public static ModelCatalog parse(Reader reader, String source) throws IOException {
    Map<String, ModelEntry> entries = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(reader);
    boolean headerSeen = false;
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        if (!trimmed.replace(" ", "").equals(HEADER)) {
          throw new IllegalArgumentException(
              source + ":" + lineNumber + ": expected the header '" + HEADER + "' but found '" + trimmed + "'");
        }
        headerSeen = true;
        continue;
      }
      ModelEntry entry = parseEntry(trimmed, source, lineNumber);
      entries.put(entry.name(), entry);
    }
    return new ModelCatalog(entries);
  }

  private static ModelEntry parseEntry(String line, String source, int lineNumber) {
    String[] cells = line.split(",", -1);
    if (cells.length != 8) {
      throw new IllegalArgumentException(
          source + ":" + lineNumber + ": expected 8 comma-separated cells (" + HEADER + ") but found "
              + cells.length);
    }
    try {
      TokenPrices prices = TokenPrices.ofUsdPerMillion(cells[2], cells[3], cells[4], cells[5]);
      return new ModelEntry(
          cells[0].strip(), cells[1].strip(), prices, contextWindow(cells[6]), cells[7].strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ":" + lineNumber + ": " + e.getMessage(), e);
    }
  }

  private static int contextWindow(String cell) {
    try {
      return Integer.parseInt(cell.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the context window '" + cell.strip() + "' is not a whole number of tokens");
    }
  }

  /** This catalog with {@code overrides} added, replacing entries of the same name. */
  public ModelCatalog with(Collection<ModelEntry> overrides) {
    Map<String, ModelEntry> merged = new LinkedHashMap<>(entries);
    for (ModelEntry entry : overrides) {
      merged.put(entry.name(), entry);
    }
    return new ModelCatalog(merged);
  }

  /** This catalog with the entries of {@code other} added, replacing entries of the same name. */
  public ModelCatalog with(ModelCatalog other) {
    return with(other.entries.values());
  }

  /** The entry for {@code model}, or for the model it is a dated snapshot of. */
  public Optional<ModelEntry> find(String model) {
    ModelEntry exact = entries.get(model);
    if (exact != null) {
      return Optional.of(exact);
    }
    String undated = SNAPSHOT_SUFFIX.matcher(model).replaceFirst("");
    return Optional.ofNullable(entries.get(undated));
  }

  /** Whether {@link #find} knows {@code model}. */
  public boolean contains(String model) {
    return find(model).isPresent();
  }

  /** Every entry, in the order they were read. */
  public Collection<ModelEntry> entries() {
    return entries.values();
  }

  @Override
  public String toString() {
    return "ModelCatalog" + entries.keySet();
  }
}
