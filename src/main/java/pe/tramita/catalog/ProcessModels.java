package pe.tramita.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** The BPMN XML of a deployed process definition, as the diagrams on the staff pages load it. */
@Component
public class ProcessModels {

	private static final Pattern DECLARED_ENCODING = Pattern
		.compile("^(<\\?xml[^>]*?encoding\\s*=\\s*[\"'])([A-Za-z][A-Za-z0-9._-]*)([\"'])");

	/** Only reads a file's first bytes for its encoding; never a DTD. */
	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
	}

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

	/** The encoding the XML parser itself finds (byte order mark, else declaration); UTF-8 when it finds none. */
	private static Charset encodingOf(byte[] xml) {
		try {
			XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
			String encoding = reader.getEncoding();
			reader.close();
			return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		}
		catch (XMLStreamException | IllegalArgumentException unreadable) {
			return StandardCharsets.UTF_8;
		}
	}

}
