package pe.tramita.municipality;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cajamarca's 127 districts as SVG paths, drawn on the server from the vendored boundaries ({@code map/}, MPL-2.0,
 * INEI 2007 limits): an equirectangular projection with the longitude scaled by the cosine of the region's middle
 * latitude, which at 5–8° south is as good as any for a region this size. No tile, no script, no other host.
 */
@Component
public class DistrictMap {

	static final String FILE = "/map/cajamarca-districts.geojson";

	/** Width of the drawing in SVG units; the height follows the region's shape. */
	static final double WIDTH = 600;

	/** One district: its UBIGEO, name and province, and its outline as SVG path data. */
	public record District(String ubigeo, String name, String province, String path) {
	}

	private final List<District> districts;

	private final double height;

	DistrictMap(ObjectMapper json) throws IOException {
		JsonNode features;
		try (InputStream in = DistrictMap.class.getResourceAsStream(FILE)) {
			features = json.readTree(in).get("features");
		}
		double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
		for (JsonNode feature : features) {
			for (JsonNode point : feature.get("geometry").get("coordinates").get(0)) {
				minLon = Math.min(minLon, point.get(0).asDouble());
				maxLon = Math.max(maxLon, point.get(0).asDouble());
				minLat = Math.min(minLat, point.get(1).asDouble());
				maxLat = Math.max(maxLat, point.get(1).asDouble());
			}
		}
		double xScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
		double scale = WIDTH / ((maxLon - minLon) * xScale);
		this.height = Math.ceil((maxLat - minLat) * scale);
		List<District> all = new ArrayList<>();
		for (JsonNode feature : features) {
			StringBuilder path = new StringBuilder();
			for (JsonNode point : feature.get("geometry").get("coordinates").get(0)) {
				double x = (point.get(0).asDouble() - minLon) * xScale * scale;
				double y = (maxLat - point.get(1).asDouble()) * scale;
				path.append(path.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
			}
			path.append('Z');
			JsonNode properties = feature.get("properties");
			all.add(new District(properties.get("ubigeo").asText(), properties.get("district").asText(),
					properties.get("province").asText(), path.toString()));
		}
		this.districts = List.copyOf(all);
	}

	public List<District> districts() {
		return districts;
	}

	/**
	 * The map as SVG markup: each district a path of the class {@code shades} gives it (shade-0 when none), with its
	 * {@code labels} text as a tooltip. Written here rather than in the page's template, whose layout takes every
	 * {@code <title>} element for the page's own.
	 */
	public String svg(String title, Map<String, String> shades, Map<String, String> labels) {
		StringBuilder svg = new StringBuilder("<svg id=\"mapa\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
			.append(viewBox()).append("\" role=\"img\" aria-labelledby=\"mapa-titulo\"><title id=\"mapa-titulo\">")
			.append(HtmlUtils.htmlEscape(title)).append("</title>");
		for (District district : districts) {
			svg.append("<path data-ubigeo=\"").append(district.ubigeo()).append("\" class=\"")
				.append(shades.getOrDefault(district.ubigeo(), "shade-0")).append("\" d=\"").append(district.path())
				.append("\"><title>").append(HtmlUtils.htmlEscape(labels.getOrDefault(district.ubigeo(), district.name())))
				.append("</title></path>");
		}
		return svg.append("</svg>").toString();
	}

	/** The colour class of a district with that share (0 to 1): shade-1 to shade-5 in fifths, shade-0 without one. */
	public static String shade(Double share) {
		return "shade-" + (share == null ? 0 : 1 + (int) Math.min(4, Math.floor(share * 5)));
	}

	/** The SVG's viewBox: the region's width and height. */
	public String viewBox() {
		return "0 0 " + (int) WIDTH + " " + (int) height;
	}

}
