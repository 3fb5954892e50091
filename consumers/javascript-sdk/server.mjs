// Starts the standalone server (core's -all jar) on a free loopback port and stops it again.
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

function serverJar() {
  if (process.env.DYNAMO_DOUBLE_JAR) return process.env.DYNAMO_DOUBLE_JAR;
  const target = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "core", "target");
  const jar = readdirSync(target).find((name) => /^dynamo-double-core-.*-all\.jar$/.test(name));
  if (!jar) throw new Error(`no dynamo-double-core-*-all.jar in ${target}: build core first (mvn -B install -DskipTests)`);
  return join(target, jar);
}

/** Resolves to { endpoint, stop } once the server prints the address it listens on. */
export function startServer() {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
  const child = spawn(java, ["-jar", serverJar(), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let seen = "";
    child.on("exit", (code) => reject(new Error(`server exited with ${code} before listening: ${seen}`)));
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) {
        child.removeAllListeners("exit");
        child.stdout.resume();
        resolve({
          endpoint: match[1],
          stop: () => new Promise((done) => { child.once("exit", done); child.kill("SIGTERM"); }),
        });
      }
    });
  });
}
