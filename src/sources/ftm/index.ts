export { readFtm, ownershipEdges, type FtmEdge, type FtmRejection, type FtmReadResult, type EdgeSchema } from './reader.js';
