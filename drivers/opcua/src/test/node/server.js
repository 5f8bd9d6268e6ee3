// An OPC UA server on node-opcua, for NodeOpcuaInteropIT.
// Usage: node server.js PORT PKI_DIR
// Prints one line "READY <json>" with the endpoint URL and the namespace URI once it listens.
// A gas boiler "Boiler2": GasFlow (m3/h, changes every 100 ms) and GasCounter (m3, integrates it).
"use strict";
const path = require("path");
const {
    OPCUAServer, OPCUACertificateManager, Variant, DataType, SecurityPolicy, MessageSecurityMode
} = require("node-opcua");

async function main() {
    const port = parseInt(process.argv[2], 10);
    const pkiDir = process.argv[3];
    const serverCertificateManager = new OPCUACertificateManager({
        rootFolder: path.join(pkiDir, "server"),
        automaticallyAcceptUnknownCertificate: true
    });
    const userCertificateManager = new OPCUACertificateManager({
        rootFolder: path.join(pkiDir, "user"),
        automaticallyAcceptUnknownCertificate: true
    });
    const server = new OPCUAServer({
        port,
        resourcePath: "/interop",
        hostname: "127.0.0.1",
        alternateHostname: ["127.0.0.1"],
        securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256],
        securityModes: [MessageSecurityMode.None, MessageSecurityMode.SignAndEncrypt],
        allowAnonymous: true,
        serverCertificateManager,
        userCertificateManager,
        buildInfo: { productName: "CarbonEdge interop server (node-opcua)" }
    });
    await server.initialize();
    const addressSpace = server.engine.addressSpace;
    const ns = addressSpace.getOwnNamespace();
    const boiler = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "Boiler2" });
    let flow = 400.0;
    let counter = 1000.0;
    setInterval(() => {
        flow = 400 + 50 * Math.sin(Date.now() / 5000);
        counter += flow * 0.1 / 3600;
    }, 100);
    ns.addVariable({
        componentOf: boiler, browseName: "GasFlow", nodeId: "s=Boiler2.GasFlow", dataType: "Double",
        minimumSamplingInterval: 100,
        value: { get: () => new Variant({ dataType: DataType.Double, value: flow }) }
    });
    ns.addVariable({
        componentOf: boiler, browseName: "GasCounter", nodeId: "s=Boiler2.GasCounter", dataType: "Double",
        minimumSamplingInterval: 100,
        value: { get: () => new Variant({ dataType: DataType.Double, value: counter }) }
    });
    await server.start();
    console.log("READY " + JSON.stringify({ endpoint: server.getEndpointUrl(), namespace: ns.namespaceUri }));
    const stop = async () => { await server.shutdown(100); process.exit(0); };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    process.stdin.on("end", stop);
    process.stdin.resume();
}

main().catch((e) => { console.error(e); process.exit(1); });
