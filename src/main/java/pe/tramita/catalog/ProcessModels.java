package pe.tramita.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** The BPMN XML of a deployed process definition, as the diagrams on the staff pages load it. */
@Component
public class ProcessModels {

	private static final Pattern DECLARED_ENCODING = Pattern
		.compile("^(<\\?xml[^>]*?encoding\\s*=\\s*[\"'])([A-Za-z][A-Za-z0-9._-]*)([\"'])");

	private final RepositoryService repositoryService;

	ProcessModels(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	public String xml(String processDefinitionId) {
		try (InputStream model = repositoryService.getProcessModel(processDefinitionId)) {
			return text(model.readAllBytes());
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the model of " + processDefinitionId, e);
		}
	}

	/**
	 * The text of an XML file read in its own encoding (byte order mark, else the declaration, else UTF-8), with the
	 * declaration then saying UTF-8: the text travels on as UTF-8, and a Latin-1 model must not come out garbled.
	 */
	public static String text(byte[] xml) {
		Charset charset = encodingOf(xml);
		String text = new String(xml, charset);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		Matcher declaration = DECLARED_ENCODING.matcher(text);
		return declaration.find() ? declaration.replaceFirst("$1UTF-8$3") : text;
	}

	private static Charset encodingOf(byte[] xml) {
		if (startsWith(xml, 0xFE, 0xFF) || startsWith(xml, 0x00, 0x3C, 0x00, 0x3F)) {
			return StandardCharsets.UTF_16BE;
		}
		if (startsWith(xml, 0xFF, 0xFE) || startsWith(xml, 0x3C, 0x00, 0x3F, 0x00)) {
			return StandardCharsets.UTF_16LE;
		}
		if (startsWith(xml, 0xEF, 0xBB, 0xBF)) {
			return StandardCharsets.UTF_8;
		}
		String prolog = new String(xml, 0, Math.min(xml.length, 200), StandardCharsets.ISO_8859_1);
		Matcher declared = DECLARED_ENCODING.matcher(prolog);
		if (declared.find()) {
			try {
				return Charset.forName(declared.group(2));
			}
			catch (IllegalArgumentException unknown) {
				return StandardCharsets.UTF_8;
			}
		}
		return StandardCharsets.UTF_8;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
