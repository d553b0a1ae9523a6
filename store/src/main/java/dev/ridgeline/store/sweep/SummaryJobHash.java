package dev.ridgeline.store.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code jobHash} a summary.json records: which job's results a folder already holds, so that a
 * sweep does not mix its files with another job's.
 */
public final class SummaryJobHash {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryJobHash() {
    }

    /** The hash, or empty when the file is not a summary Ridgeline wrote (not JSON, or no jobHash). */
    public static Optional<String> read(Path summaryJson) throws IOException {
        try {
            JsonNode hash = MAPPER.readTree(summaryJson.toFile()).path("jobHash");
            return hash.isTextual() ? Optional.of(hash.asText()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
