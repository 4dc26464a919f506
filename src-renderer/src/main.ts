/** Renderer entry: connect to the lab (preload or WebSocket) and mount the app. */
import { createApp } from 'vue';
import App from './App.vue';
import { connectLab } from './api/connect';
import { labPlugin } from './composables/useLab';
import './styles.css';

createApp(App).use(labPlugin(connectLab())).mount('#app');
