package at.leoben.assistant.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * Screenshots of the widget for the README, kept only with {@code -Dscreenshots.dir=docs/screenshots}
 * (so CI never rewrites them).
 */
public final class Screenshots {

  private Screenshots() {}

  public static void keepWidget(WebDriver browser, String name) throws IOException {
    String folder = System.getProperty("screenshots.dir");
    if (folder != null && !folder.isBlank()) {
      Files.createDirectories(Path.of(folder));
      Files.write(
          Path.of(folder, name + ".png"),
          browser.findElement(By.tagName("leoben-assistant")).getScreenshotAs(OutputType.BYTES));
    }
  }
}
