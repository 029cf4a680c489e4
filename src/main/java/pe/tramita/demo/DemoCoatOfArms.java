package pe.tramita.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** A plain shield drawn for the demo, so that demo certificates show where a municipality's coat of arms goes. */
final class DemoCoatOfArms {

	private DemoCoatOfArms() {
	}

	static byte[] png() {
		BufferedImage image = new BufferedImage(200, 240, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		Path2D shield = new Path2D.Double();
		shield.moveTo(10, 10);
		shield.lineTo(190, 10);
		shield.lineTo(190, 130);
		shield.quadTo(190, 200, 100, 232);
		shield.quadTo(10, 200, 10, 130);
		shield.closePath();
		g.setColor(new Color(0xC8102E));
		g.fill(shield);
		g.setColor(Color.WHITE);
		g.fillRect(70, 10, 60, 200);
		g.setColor(new Color(0x7A5C00));
		g.setStroke(new BasicStroke(8));
		g.draw(shield);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

}
