package org.callisto.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way every store binds parameters and reads nullable columns, so that all of them treat {@code null},
 * booleans and times alike: times are epoch milliseconds in {@code BIGINT}, booleans {@code INTEGER} 0/1, and a
 * {@code null} parameter is an SQL {@code NULL} of whatever type the column has. Stateless and thread-safe.
 */
public final class Sql {
    private Sql() {}

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Binds {@code params} to the placeholders of {@code ps}, in order: {@code null}, {@link Long}, {@link Integer},
     * {@link String}, {@link Boolean} (0/1), {@link Instant} (epoch milliseconds), {@link Double} and {@code byte[]}.
     *
     * @throws IllegalArgumentException naming the position and class of a parameter of any other type
     */
    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            int at = i + 1;
            switch (params[i]) {
                // Types.NULL leaves the type to the server (PostgreSQL's "unspecified"), so the same call suits a
                // text and a number column; SQLite ignores the type of a NULL.
                case null -> ps.setNull(at, Types.NULL);
                case Long l -> ps.setLong(at, l);
                case Integer n -> ps.setInt(at, n);
                case String s -> ps.setString(at, s);
                case Boolean b -> ps.setInt(at, b ? 1 : 0);
                case Instant t -> ps.setLong(at, t.toEpochMilli());
                case Double d -> ps.setDouble(at, d);
                case byte[] bytes -> ps.setBytes(at, bytes);
                default ->
                    throw new IllegalArgumentException("db: cannot bind parameter " + at + " of type "
                            + params[i].getClass().getName() + "; pass a Long, Integer, String, Boolean, Instant,"
                            + " Double, byte[] or null");
            }
        }
    }

    /** Runs a query on {@code c} and maps every row. */
    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(mapper.map(rs));
                }
                return list;
            }
        }
    }

    /** Runs a query on {@code c} and maps its first row, if there is one. */
    public static <T> Optional<T> first(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE} on {@code c}; returns the count of rows changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** A nullable epoch-millisecond column as an {@link Instant}, or {@code null}. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** A nullable {@code BIGINT} column, or {@code null}. */
    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** A nullable {@code INTEGER} column, or {@code null}. */
    public static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** An {@code INTEGER} 0/1 column as a boolean ({@code NULL} is false). */
    public static boolean bool(ResultSet rs, int column) throws SQLException {
        return rs.getInt(column) != 0;
    }
}
