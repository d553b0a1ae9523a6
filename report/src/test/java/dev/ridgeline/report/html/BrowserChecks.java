package dev.ridgeline.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** What the browser tests ask of a page open in Chromium: overlapping text, tips, screenshots. */
final class BrowserChecks {
    /**
     * For every chart, each pair of its texts whose boxes (as Chromium laid them out) overlap by more than half a
     * pixel, as "figure: text / text".
     */
    private static final String OVERLAPS = "const hits = [];"
            + "document.querySelectorAll('svg.plot').forEach(svg => {"
            + "  const fig = svg.closest('figure') ? svg.closest('figure').id : '?';"
            + "  const boxes = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim() !== '')"
            + "    .map(t => [t.getBoundingClientRect(), t.textContent]);"
            + "  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {"
            + "    const a = boxes[i][0], b = boxes[j][0];"
            + "    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);"
            + "    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);"
            + "    if (w > 0.5 && h > 0.5) hits.push(fig + ': ' + boxes[i][1] + ' / ' + boxes[j][1]);"
            + "  }"
            + "});"
            + "return hits;";

    private BrowserChecks() {
    }

    static List<String> overlaps(ChromeDriver driver) {
        List<String> hits = new ArrayList<>();
        for (Object o : (List<?>) driver.executeScript(OVERLAPS)) {
            hits.add(o.toString());
        }
        return hits;
    }

    /** Texts drawn in the page's charts, to check that some were found at all. */
    static long chartTexts(ChromeDriver driver) {
        return ((Number) driver.executeScript("return document.querySelectorAll('svg.plot text').length;"))
                .longValue();
    }

    /**
     * Moves the mouse onto each hover target of the figure in turn until one shows a design's tip; its text,
     * or the last tip seen.
     */
    static String hoverDesign(ChromeDriver driver, String figureId) {
        WebElement figure = driver.findElement(By.id(figureId));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", figure);
        String tip = "";
        for (WebElement target : figure.findElements(By.cssSelector("svg .tip"))) {
            new Actions(driver).moveToElement(target).perform();
            tip = driver.findElement(By.id("tip")).getText();
            if (tip.contains(" of pareto.csv")) {
                return tip;
            }
        }
        return tip;
    }

    /** The whole page, or its first {@code maxHeight} pixels, as a PNG in report/target/browser/. */
    static Path screenshot(ChromeDriver driver, String name, int maxHeight) throws Exception {
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(1200, (int) Math.min(height, maxHeight)));
        driver.executeScript("window.scrollTo(0, 0);");
        Path file = Path.of("report/target/browser/" + name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1200, 900));
        return file;
    }

    /** One figure as a PNG in report/target/browser/. */
    static Path screenshot(ChromeDriver driver, String figureId, String name) throws Exception {
        WebElement figure = driver.findElement(By.id(figureId));
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", figure);
        Path file = Path.of("report/target/browser/" + name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, figure.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
