package org.reciprocity.portal.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A headless Chromium, Debian's, driven through its chromedriver: nothing is downloaded at test time. It opens the
 * portal's pages as a person would, checks them with axe-core, and keeps screenshots under {@code target/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    public static final Dimension LAPTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    /** The accessibility rules the pages are held to: WCAG 2.1, levels A and AA. */
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final ChromeDriver driver;
    private final URI base;

    private Browser(URI base) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=en-GB", "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        this.base = base;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser at(URI base) {
        return new Browser(base);
    }

    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** Forgets every cookie, and with them any session: the next page is a stranger's. */
    public void forget() {
        // Cookies are deleted for the page's own site: be on the portal's first.
        open("/sign-in");
        driver.manage().deleteAllCookies();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The visible text of the page's main content. */
    public String text() {
        return find("main").getText();
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks what {@code css} finds, and waits for the page it leads to. */
    public Browser click(String css) {
        return leaving(find(css));
    }

    /** Clicks what {@code css} finds, says yes when the page asks whether to go on, and waits for the next page. */
    public Browser confirm(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ignored -> {
            try {
                driver.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException notYet) {
                return false;
            }
        });
        return arrived(page);
    }

    /** Presses the button whose text is {@code label}, as a person reads it, and waits for the page it leads to. */
    public Browser press(String label) {
        return leaving(button(label));
    }

    /** Chooses the option of a select whose text is {@code text}. */
    public Browser choose(String css, String text) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(text);
        return this;
    }

    /** Ticks a checkbox, or clicks anything else that changes the page in place. */
    public Browser tick(String css) {
        find(css).click();
        return this;
    }

    /** Presses a button that acts on the page itself, such as a copy button. */
    public Browser pressInPlace(String label) {
        button(label).click();
        return this;
    }

    public Browser follow(String linkText) {
        return leaving(driver.findElement(By.linkText(linkText)));
    }

    private WebElement button(String label) {
        return driver.findElement(By.xpath("//main//button[normalize-space(.)=" + quoted(label) + "]"
                + " | //header//button[normalize-space(.)=" + quoted(label) + "]"));
    }

    /** A click that sends a form or follows a link returns before the next page is there: wait for it. */
    private Browser leaving(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        return arrived(page);
    }

    private Browser arrived(WebElement page) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ignored -> gone(page));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ignored ->
                "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** The session cookie's value, for a test to fetch what the page links to as the browser would. */
    public org.openqa.selenium.Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public void waitUntil(java.util.function.Predicate<Browser> condition, Duration atMost) {
        new WebDriverWait(driver, atMost).until(ignored -> condition.test(this));
    }

    /** The accessibility violations axe-core finds on the page as it is now, each with where it is. */
    public List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        return results.getViolations().stream().map(Browser::described).toList();
    }

    /** Keeps what the page looks like now at a laptop's and a phone's width, under {@link #SCREENSHOTS}. */
    public void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Dimension size : List.of(LAPTOP, PHONE)) {
                driver.manage().window().setSize(size);
                // The whole page, not the window: set the window to the page's height for the picture.
                Number height = (Number) script("return document.documentElement.scrollHeight");
                driver.manage().window().setSize(new Dimension(size.width, Math.min(4000, height.intValue())));
                Path file = SCREENSHOTS.resolve(name + (size == LAPTOP ? "" : "-phone") + ".png");
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            }
            driver.manage().window().setSize(LAPTOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the page is wider than the window: at a phone's width, nothing should need sideways scrolling. */
    public boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * Whether the page an element was on has been left. Mid-navigation, Chromium may answer that the element's node
     * is in no document rather than that it is stale: the same thing.
     */
    private static boolean gone(WebElement onPage) {
        try {
            onPage.isEnabled();
            return false;
        } catch (WebDriverException left) {
            return true;
        }
    }

    private static String described(Rule violation) {
        return violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " at "
                + violation.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
    }

    private static String quoted(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
