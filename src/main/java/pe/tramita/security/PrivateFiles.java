package pe.tramita.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Folders and files only their owner may read or change: the database cluster and its password, the PostgreSQL
 * binaries it runs, the signing keystores. Where the file system has no POSIX permissions (Windows) the folder's own
 * access rules apply.
 */
public final class PrivateFiles {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private PrivateFiles() {
	}

	/** Creates the folder if needed, rwx for its owner only. */
	public static Path directory(Path directory) {
		try {
			Files.createDirectories(directory);
			if (POSIX) {
				Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
			}
			return directory;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot make the private folder " + directory, e);
		}
	}

	/** Writes the file whole (through a temporary file in the same folder), readable by its owner only. */
	public static void write(Path file, byte[] content) {
		writeWith(file, out -> out.write(content));
	}

	/** As {@link #write}, with what {@code writer} writes. */
	public static void writeWith(Path file, Writer writer) {
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		try {
			Files.deleteIfExists(temporary);
			if (POSIX) {
				Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (OutputStream out = Files.newOutputStream(temporary)) {
				writer.write(out);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + file, e);
		}
	}

	/** Takes every permission of group and others away from the file or folder and all it holds. */
	public static void restrict(Path path) {
		if (!POSIX || !Files.exists(path)) {
			return;
		}
		try (Stream<Path> all = Files.walk(path)) {
			for (Path each : (Iterable<Path>) all::iterator) {
				if (Files.isSymbolicLink(each)) {
					continue;
				}
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(each);
				if (permissions.removeAll(OTHERS)) {
					Files.setPosixFilePermissions(each, permissions);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot restrict " + path, e);
		}
	}

	/** True when group or others may read, write or enter it. */
	public static boolean isOpenToOthers(Path path) {
		try {
			return POSIX && Files.getPosixFilePermissions(path).stream().anyMatch(OTHERS::contains);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What {@link #writeWith} writes. */
	@FunctionalInterface
	public interface Writer {

		void write(OutputStream out) throws IOException;

	}

}
