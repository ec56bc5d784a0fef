/**
 * The sandboxed preload: exposes exactly one object, window.gatehouse, with one method
 * per operation. It imports only electron and the schema-free parts of src-shared.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridgeApi } from '../src-shared/bridge';
import { channelFor, isOperationName, OPERATION_NAMES } from '../src-shared/operations';

contextBridge.exposeInMainWorld(
  'gatehouse',
  buildBridgeApi(OPERATION_NAMES, (operation, payload) =>
    isOperationName(operation) ? ipcRenderer.invoke(channelFor(operation), payload) : Promise.reject(new Error('Unknown operation')),
  ),
);
