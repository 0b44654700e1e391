/*
 * Entry of dist/functions.js. Loading this bundle registers every DTC.* function with
 * CustomFunctions.associate (the calls are appended to each wrapper module at build time by
 * CustomFunctionsMetadataPlugin from the same JSDoc that generates functions.json). It needs
 * only the CustomFunctions global that Excel's runtime provides: no office.js, no Office.onReady.
 */
// First: a stand-in when no custom-functions runtime is present (ES imports run in order).
import "./runtime";
import "./aipl";
import "./fast";
import "./fastplus";
import "./start";
import "./tgi";
import "./clv";
import "./gta";
import "./hotplan";
import "./hothealth";
import "./grow";
import "./neo";
import "./super";
import "./diagnose";
import "./assoc";
import "./cluster";
import "./calibrate";
import "./sql";
