package org.vnetlab.commands.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary COPY format, streamed to a {@link CopyIn} in chunks as they are
 * written (the server inserts while the client still serializes). Binary rather than text: values
 * go as their bytes with a length in front, so there is nothing to escape and no hex to double a
 * bytea. A field must have the column's binary form: UTF-8 bytes for text and varchar, 8 bytes for
 * bigint. (PostgreSQL docs, COPY, "Binary Format".)
 */
final class BinaryCopyRows {
    /** Signature, flags (no OIDs) and the header extension's length. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final CopyIn copy;
    private final byte[] chunk;
    private int used;

    BinaryCopyRows(CopyIn copy, int chunkBytes) throws SQLException {
        this.copy = copy;
        this.chunk = new byte[chunkBytes];
        put(HEADER);
    }

    void row(int fields) throws SQLException {
        room(2);
        putShort(fields);
    }

    /** A text or varchar field; null is SQL NULL. Encoded as pgjdbc's setString encodes (String.getBytes). */
    void text(String value) throws SQLException {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    void bigint(long value) throws SQLException {
        room(12);
        putInt(8);
        for (int shift = 56; shift >= 0; shift -= 8) chunk[used++] = (byte) (value >>> shift);
    }

    /** A bytea (or already encoded text) field; null is SQL NULL. */
    void bytes(byte[] value) throws SQLException {
        room(4);
        if (value == null) {
            putInt(-1);
            return;
        }
        putInt(value.length);
        put(value);
    }

    /** Writes the trailer, sends what is left and ends the COPY: the rows the server took. */
    long end() throws SQLException {
        room(2);
        putShort(-1);
        flush();
        return copy.endCopy();
    }

    private void put(byte[] b) throws SQLException {
        if (b.length > chunk.length - used) {
            flush();
            if (b.length >= chunk.length) {
                copy.writeToCopy(b, 0, b.length);
                return;
            }
        }
        System.arraycopy(b, 0, chunk, used, b.length);
        used += b.length;
    }

    private void room(int bytes) throws SQLException {
        if (chunk.length - used < bytes) flush();
    }

    private void putShort(int v) {
        chunk[used++] = (byte) (v >>> 8);
        chunk[used++] = (byte) v;
    }

    private void putInt(int v) {
        chunk[used++] = (byte) (v >>> 24);
        chunk[used++] = (byte) (v >>> 16);
        chunk[used++] = (byte) (v >>> 8);
        chunk[used++] = (byte) v;
    }

    private void flush() throws SQLException {
        if (used == 0) return;
        copy.writeToCopy(chunk, 0, used);
        used = 0;
    }
}
