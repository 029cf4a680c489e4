package pe.tramita.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The file types citizens and clerks may upload, recognised by their first bytes rather than by their name. */
public enum FileKind {

	PDF("application/pdf", List.of("pdf"), new int[] { 0x25, 0x50, 0x44, 0x46, 0x2D }),
	JPEG("image/jpeg", List.of("jpg", "jpeg"), new int[] { 0xFF, 0xD8, 0xFF }),
	PNG("image/png", List.of("png"), new int[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

	private final String contentType;

	private final List<String> extensions;

	private final int[] signature;

	FileKind(String contentType, List<String> extensions, int[] signature) {
		this.contentType = contentType;
		this.extensions = extensions;
		this.signature = signature;
	}

	public String contentType() {
		return contentType;
	}

	static Optional<FileKind> detect(byte[] content) {
		return Arrays.stream(values()).filter(kind -> kind.matches(content)).findFirst();
	}

	boolean acceptsName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
	}

	private boolean matches(byte[] content) {
		if (content.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((content[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

}
