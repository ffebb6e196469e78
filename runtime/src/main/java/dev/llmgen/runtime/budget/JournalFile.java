package dev.llmgen.runtime.budget;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of text records, one a line, each behind the CRC-32C of its text:
 * {@code 1f2e3d4c R 17 2100000 default|cust-1|day|2026-11-23}. Every record goes to the OS in one
 * {@link FileChannel} write, with no buffer in the JVM, so a process killed at any moment leaves every
 * record it finished writing; only a power cut needs {@code fsync}.
 */
final class JournalFile implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(JournalFile.class.getName());
  private static final int CHECKSUM_LENGTH = 8;

  private final FileChannel channel;
  private final boolean fsync;

  private JournalFile(FileChannel channel, boolean fsync) {
    this.channel = channel;
    this.fsync = fsync;
  }

  /**
   * The records of {@code file}, none if it does not exist. What follows the last newline is a record
   * whose write was cut short, and is left out.
   *
   * @throws IOException if a complete line is corrupt: the file was damaged, not torn
   */
  static List<String> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < lines.length - 1; i++) {
      String record = verified(lines[i]);
      if (record == null) {
        throw new IOException(file + ": line " + (i + 1) + " is corrupt; restore the file from a backup");
      }
      records.add(record);
    }
    if (!lines[lines.length - 1].isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "{0}: ignoring its last line, whose write was cut short", file);
    }
    return records;
  }

  /**
   * Replaces {@code file} by {@code records} atomically (a temporary file, forced to disk, then moved
   * over it) and opens it for appending.
   */
  static JournalFile rewrite(Path file, List<String> records, boolean fsync) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      StringBuilder text = new StringBuilder();
      records.forEach(record -> text.append(line(record)));
      writeFully(out, text.toString());
      out.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return new JournalFile(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), fsync);
  }

  void append(String record) throws IOException {
    // One writer at a time, so that a record written in several pieces is never split by another.
    synchronized (this) {
      writeFully(channel, line(record));
    }
    if (fsync) {
      channel.force(false);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static String line(String record) {
    if (record.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a journal record must be one line: " + record);
    }
    return checksum(record) + ' ' + record + '\n';
  }

  /** The record of {@code line}, or {@code null} if its checksum does not match. */
  private static String verified(String line) {
    if (line.length() <= CHECKSUM_LENGTH || line.charAt(CHECKSUM_LENGTH) != ' ') {
      return null;
    }
    String record = line.substring(CHECKSUM_LENGTH + 1);
    return line.startsWith(checksum(record)) ? record : null;
  }

  private static String checksum(String record) {
    CRC32C crc = new CRC32C();
    crc.update(record.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  private static void writeFully(FileChannel out, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }
}
